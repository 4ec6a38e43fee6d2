#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace lh::sys {

// Where one of a child's output streams goes.
enum class ChildStream {
  pipe,     // read by this program (read_line(), err())
  discard,  // /dev/null
  inherit,  // this program's own
  file,     // appended to ChildOptions::file (a log)
};

struct ChildOptions {
  ChildStream out = ChildStream::pipe;
  ChildStream err = ChildStream::pipe;
  // The child gets SIGTERM when the thread that started it ends
  // (PR_SET_PDEATHSIG), even when this program is killed with SIGKILL:
  // start it from the main thread.
  bool dies_with_parent = false;
  // For ChildStream::file: created if missing, appended to.
  std::string file{};
};

// A program this one starts (argv[0] is a path, not looked up on PATH),
// with its output read through pipes that never block it: both are drained
// together. The child starts with no signal blocked, whatever this program
// blocks for its own use. The destructor kills (SIGKILL) and reaps it if it
// still runs, so no error path leaves one behind. The one place LeakHound
// forks: the demo target for `demo` and `leakhound --demo`, the tests'
// servers and commands, the benchmarks' targets.
class ChildProcess {
 public:
  using milliseconds = std::chrono::milliseconds;

  // Throws lh::RuntimeFailure when the system gives no pipe or process. A
  // program that cannot be run exits with status 127, as in a shell.
  explicit ChildProcess(const std::vector<std::string>& argv, ChildOptions options = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }

  // The next line of stdout (without its newline), or nullopt after
  // `timeout` or at the end of the output.
  std::optional<std::string> read_line(milliseconds timeout);
  // Stops reading stdout: for a child that says one line and no more.
  void close_output();

  // Waits for the exit; the exit status (128+N for signal N), or nullopt if
  // it still runs after `timeout`.
  std::optional<int> wait_for(milliseconds timeout);
  // Whether it has exited, without waiting.
  bool exited() { return wait_for(milliseconds(0)).has_value(); }
  void signal(int sig);
  // SIGTERM, then SIGKILL if it still runs after `grace`; its exit status.
  int stop(milliseconds grace);

  // Everything it wrote to stderr so far (drains the pipe).
  const std::string& err();
  // Its peak resident memory (the kernel's ru_maxrss), once it has exited.
  std::optional<long> peak_rss_kib() const { return peak_rss_kib_; }

 private:
  void pump(milliseconds timeout);
  void reap(int options);

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_buffer_;
  std::string err_buffer_;
  std::optional<int> status_;
  std::optional<long> peak_rss_kib_;
};

}  // namespace lh::sys
