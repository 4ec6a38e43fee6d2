#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "sys/child_process.h"

namespace lh::test {

using std::chrono::milliseconds;

// A program the test starts: LeakHound's own child-process helper, whose
// destructor kills (SIGKILL) and reaps it if it still runs, so a failed
// REQUIRE never leaves a server behind.
using ChildProcess = lh::sys::ChildProcess;

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
  std::optional<long> peak_rss_kib;  // once it exited
};

// `argv` run with no file larger than `blocks` × 512 bytes (RLIMIT_FSIZE,
// through sh's ulimit -f) and SIGXFSZ ignored, so a write past the limit
// fails with EFBIG ("File too large"): a full disk for one command, no
// root or mount needed.
std::vector<std::string> with_file_size_limit(int blocks, std::vector<std::string> argv);

// Runs a command to completion (killed after `timeout`), capturing output.
CommandResult run_command(const std::vector<std::string>& argv, milliseconds timeout = milliseconds(60000));

}  // namespace lh::test
