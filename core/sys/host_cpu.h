#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace lh::sys {

// The whole machine's CPU time from the first line of /proc/stat, in clock
// ticks summed over all CPUs. Busy is everything but idle and iowait.
struct HostCpuTimes {
  std::uint64_t busy = 0;
  std::uint64_t total = 0;
};

std::optional<HostCpuTimes> read_host_cpu();
std::optional<HostCpuTimes> parse_host_cpu(std::string_view proc_stat_text);

// Share of all CPUs that was busy between two readings, 0–100; nullopt when
// no tick passed (or the counters went backwards).
std::optional<double> busy_percent(const HostCpuTimes& before, const HostCpuTimes& after);

}  // namespace lh::sys
