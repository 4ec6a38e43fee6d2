#include "sys/proc_status.h"

#include <charconv>
#include <fstream>
#include <string>
#include <string_view>

namespace lh::sys {
namespace {

// "VmRSS:\t  123456 kB" -> 123456
std::int64_t leading_number(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::optional<ProcStatus> read_status_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  ProcStatus status;
  bool any = false;
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string_view key(line.data(), colon);
    const std::string_view value(line.data() + colon + 1, line.size() - colon - 1);
    if (key == "VmRSS") {
      status.rss_kib = leading_number(value);
      any = true;
    } else if (key == "VmHWM") {
      status.peak_rss_kib = leading_number(value);
    } else if (key == "VmSize") {
      status.vm_kib = leading_number(value);
    } else if (key == "Threads") {
      status.threads = leading_number(value);
    }
  }
  // Kernel threads and zombies have no VmRSS line: nothing to watch there.
  if (!any) return std::nullopt;
  return status;
}

}  // namespace

std::optional<ProcStatus> read_proc_status(pid_t pid) {
  return read_status_file("/proc/" + std::to_string(pid) + "/status");
}

ProcStatus read_own_status() { return read_status_file("/proc/self/status").value_or(ProcStatus{}); }

}  // namespace lh::sys
