#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace lh::test {

using std::chrono::milliseconds;

// A program the test starts, with its stdout and stderr read through pipes.
// The destructor kills (SIGKILL) and reaps it if it still runs, so a failed
// REQUIRE never leaves a server behind.
class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }

  // The next line of stdout (without its newline), or nullopt after
  // `timeout` or at end of output.
  std::optional<std::string> read_line(milliseconds timeout);

  // Waits for the exit; the exit status (128+N for signal N), or nullopt
  // if it is still running after `timeout`.
  std::optional<int> wait_for(milliseconds timeout);

  void signal(int sig);
  // Its peak resident memory (the kernel's ru_maxrss), once it has exited.
  std::optional<long> peak_rss_kib() const { return peak_rss_kib_; }
  // Everything the child wrote to stderr so far (drains the pipe).
  const std::string& err();

 private:
  void pump(milliseconds timeout);

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_buffer_;
  std::string err_buffer_;
  std::optional<int> status_;
  std::optional<long> peak_rss_kib_;
};

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
