#include "sys/proc_stat.h"

#include <unistd.h>

#include <charconv>
#include <fstream>
#include <sstream>
#include <string>

namespace lh::sys {
namespace {

template <typename T>
bool number(std::string_view token, T& out) {
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), out);
  return ec == std::errc{} && end == token.data() + token.size();
}

}  // namespace

std::optional<ProcStat> parse_proc_stat(std::string_view text) {
  const auto close = text.rfind(')');
  if (close == std::string_view::npos || text.find('(') > close) return std::nullopt;
  std::string_view rest = text.substr(close + 1);

  // Fields after the name, 0-based: 0 state … 11 utime, 12 stime,
  // 17 num_threads, 19 starttime (proc(5) numbers them 3, 14, 15, 20, 22).
  constexpr std::size_t kUtime = 11, kStime = 12, kThreads = 17, kStart = 19;
  ProcStat stat;
  std::size_t index = 0;
  while (index <= kStart) {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\n')) rest.remove_prefix(1);
    if (rest.empty()) return std::nullopt;
    const auto end = rest.find_first_of(" \n");
    const std::string_view token = rest.substr(0, end);
    rest.remove_prefix(token.size());
    bool ok = true;
    switch (index) {
      case 0:
        ok = token.size() == 1;
        stat.state = token.front();
        break;
      case kUtime: ok = number(token, stat.utime_ticks); break;
      case kStime: ok = number(token, stat.stime_ticks); break;
      case kThreads: ok = number(token, stat.threads); break;
      case kStart: ok = number(token, stat.start_ticks); break;
      default: break;
    }
    if (!ok) return std::nullopt;
    ++index;
  }
  return stat;
}

std::optional<ProcStat> read_proc_stat(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return parse_proc_stat(text.str());
}

double clock_ticks_per_second() {
  static const double ticks = [] {
    const long hz = sysconf(_SC_CLK_TCK);
    return hz > 0 ? static_cast<double>(hz) : 100.0;
  }();
  return ticks;
}

}  // namespace lh::sys
