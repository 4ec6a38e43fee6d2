#pragma once

#include <cstdint>
#include <optional>

#include <sys/types.h>

namespace lh::sys {

// Memory and thread figures from /proc/PID/status, in KiB as the kernel
// reports them.
struct ProcStatus {
  std::int64_t rss_kib = 0;      // VmRSS: resident set size now
  std::int64_t peak_rss_kib = 0; // VmHWM: the highest RSS so far
  std::int64_t vm_kib = 0;       // VmSize: virtual size
  std::int64_t threads = 0;      // Threads
};

// nullopt when the process does not exist (or exited) or cannot be read.
std::optional<ProcStatus> read_proc_status(pid_t pid);

// The calling process's own figures; /proc/self is always readable.
ProcStatus read_own_status();

}  // namespace lh::sys
