#pragma once

#include <cstdint>
#include <optional>

#include <sys/types.h>

namespace lh::sys {

// Proportional set size from /proc/PID/smaps_rollup, in KiB: resident
// memory with each shared page divided among the processes sharing it, so
// the PSS of a service's processes adds up to what they really cost.
// nullopt when the file is missing (kernels before 4.14) or not ours to
// read (another user's process).
std::optional<std::int64_t> read_pss_kib(pid_t pid);

// Open file descriptors of a process (entries of /proc/PID/fd); a steady
// climb is a leak of its own. nullopt when not ours to read.
std::optional<std::int64_t> count_open_fds(pid_t pid);

}  // namespace lh::sys
