#include "sys/proc_memory.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace lh::sys {

std::optional<std::int64_t> read_pss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
  if (!in) return std::nullopt;
  for (std::string line; std::getline(in, line);) {
    // "Pss:                4242 kB"; Pss_Anon, Pss_File … follow it.
    if (!line.starts_with("Pss:")) continue;
    std::string_view value(line);
    value.remove_prefix(4);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    std::int64_t kib = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), kib);
    if (ec != std::errc{}) return std::nullopt;
    return kib;
  }
  return std::nullopt;
}

std::optional<std::int64_t> count_open_fds(pid_t pid) {
  std::error_code ec;
  std::filesystem::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec);
  if (ec) return std::nullopt;
  std::int64_t count = 0;
  for (const std::filesystem::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) return std::nullopt;
    ++count;
  }
  return count;
}

}  // namespace lh::sys
