#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <sys/types.h>

namespace lh::sys {

// What the sampler needs from /proc/PID/stat: CPU time (for CPU %), and the
// start time that tells a process from a later one that got the same pid.
struct ProcStat {
  char state = '?';               // R, S, D, Z, …
  std::uint64_t utime_ticks = 0;  // user CPU time, in clock ticks
  std::uint64_t stime_ticks = 0;  // system CPU time, in clock ticks
  std::uint64_t start_ticks = 0;  // start time after boot, in clock ticks
  std::int64_t threads = 0;

  std::uint64_t cpu_ticks() const { return utime_ticks + stime_ticks; }
};

// nullopt when the process does not exist or the file cannot be read.
std::optional<ProcStat> read_proc_stat(pid_t pid);

// Parses the text of a stat file. The command name is in parentheses and may
// itself hold spaces and parentheses, so the fields are counted from the
// last ')'. nullopt on anything that does not look like a stat line.
std::optional<ProcStat> parse_proc_stat(std::string_view text);

// Clock ticks per second (USER_HZ, almost always 100).
double clock_ticks_per_second();

}  // namespace lh::sys
