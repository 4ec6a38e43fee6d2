#include "child_process.h"

#include <algorithm>

namespace lh::test {
namespace {

using Clock = std::chrono::steady_clock;

milliseconds remaining(Clock::time_point deadline) {
  return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(deadline - Clock::now()));
}

}  // namespace

std::vector<std::string> with_file_size_limit(int blocks, std::vector<std::string> argv) {
  argv.insert(argv.begin(), {"/bin/sh", "-c", "trap '' XFSZ; ulimit -f " + std::to_string(blocks) + " && exec \"$@\"", "sh"});
  return argv;
}

CommandResult run_command(const std::vector<std::string>& argv, milliseconds timeout) {
  ChildProcess child(argv);
  CommandResult result;
  const auto deadline = Clock::now() + timeout;
  while (auto line = child.read_line(remaining(deadline))) result.out += *line + "\n";
  result.status = child.wait_for(remaining(deadline)).value_or(-1);
  result.err = child.err();
  result.peak_rss_kib = child.peak_rss_kib();
  return result;
}

}  // namespace lh::test
