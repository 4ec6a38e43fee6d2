#include "sys/host_cpu.h"

#include <array>
#include <charconv>
#include <fstream>
#include <string>

namespace lh::sys {

std::optional<HostCpuTimes> parse_host_cpu(std::string_view text) {
  if (!text.starts_with("cpu ")) return std::nullopt;
  text.remove_prefix(4);
  // user nice system idle iowait irq softirq steal (guest time is already
  // counted in user, so the guest columns are left out of the total).
  std::array<std::uint64_t, 8> fields{};
  std::size_t count = 0;
  while (count < fields.size()) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), fields[count]);
    if (ec != std::errc{}) break;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    ++count;
  }
  // Kernels before 2.6.11 had only four columns; nothing older than that runs.
  if (count < 4) return std::nullopt;
  HostCpuTimes times;
  for (std::size_t i = 0; i < count; ++i) times.total += fields[i];
  const std::uint64_t idle = fields[3] + fields[4];
  times.busy = times.total - idle;
  return times;
}

std::optional<HostCpuTimes> read_host_cpu() {
  std::ifstream in("/proc/stat");
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  return parse_host_cpu(line);
}

std::optional<double> busy_percent(const HostCpuTimes& before, const HostCpuTimes& after) {
  if (after.total <= before.total || after.busy < before.busy) return std::nullopt;
  return 100.0 * static_cast<double>(after.busy - before.busy) / static_cast<double>(after.total - before.total);
}

}  // namespace lh::sys
