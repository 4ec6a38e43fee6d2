#include "sys/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>

#include "common/runtime_failure.h"

namespace lh::sys {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

int decode(int raw) { return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw); }

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

// The pipe for one stream, or {-1, -1} when it is not piped.
struct Pipe {
  int read = -1, write = -1;
  void close_both() {
    if (read >= 0) close(read);
    if (write >= 0) close(write);
    read = write = -1;
  }
};

Pipe open_pipe(ChildStream stream, const std::string& program) {
  Pipe p;
  if (stream != ChildStream::pipe) return p;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw_system_failure("cannot start " + program + ": no pipe");
  p.read = fds[0];
  p.write = fds[1];
  return p;
}

// In the child, between fork and exec: only async-signal-safe calls.
void connect_stream(ChildStream stream, int piped, int null_fd, int file_fd, int target) {
  if (stream == ChildStream::pipe) dup2(piped, target);
  else if (stream == ChildStream::discard && null_fd >= 0) dup2(null_fd, target);
  else if (stream == ChildStream::file && file_fd >= 0) dup2(file_fd, target);
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, ChildOptions options) {
  if (argv.empty()) throw RuntimeFailure("cannot start a program: no command given");
  const std::string& program = argv.front();
  // Everything the child needs is made before fork(): it may only call
  // async-signal-safe functions until exec.
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  Pipe out = open_pipe(options.out, program);
  Pipe err;
  try {
    err = open_pipe(options.err, program);
  } catch (...) {
    out.close_both();
    throw;
  }
  const bool needs_null = options.out == ChildStream::discard || options.err == ChildStream::discard;
  const int null_fd = needs_null ? open("/dev/null", O_WRONLY | O_CLOEXEC) : -1;
  int file_fd = -1;
  if (options.out == ChildStream::file || options.err == ChildStream::file) {
    file_fd = open(options.file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (file_fd < 0) {
      const int error = errno;
      out.close_both();
      err.close_both();
      if (null_fd >= 0) close(null_fd);
      throw_system_failure("cannot start " + program + ": cannot open its log \"" + options.file + "\"", error);
    }
  }
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) {
    const int error = errno;
    out.close_both();
    err.close_both();
    if (null_fd >= 0) close(null_fd);
    if (file_fd >= 0) close(file_fd);
    throw_system_failure("cannot start " + program + ": no new process", error);
  }
  if (pid_ == 0) {
    if (options.dies_with_parent) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (getppid() != parent) _exit(1);  // the parent is gone already
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    connect_stream(options.out, out.write, null_fd, file_fd, STDOUT_FILENO);
    connect_stream(options.err, err.write, null_fd, file_fd, STDERR_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  if (null_fd >= 0) close(null_fd);
  if (file_fd >= 0) close(file_fd);
  if (out.write >= 0) close(out.write);
  if (err.write >= 0) close(err.write);
  out_fd_ = out.read;
  err_fd_ = err.read;
}

ChildProcess::~ChildProcess() {
  if (!status_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    reap(0);
  }
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

void ChildProcess::reap(int options) {
  int raw = 0;
  rusage usage{};
  pid_t got;
  do {
    got = wait4(pid_, &raw, options, &usage);
  } while (got < 0 && errno == EINTR);
  if (got == pid_) {
    status_ = decode(raw);
    peak_rss_kib_ = usage.ru_maxrss;
  }
}

void ChildProcess::signal(int sig) {
  if (!status_) ::kill(pid_, sig);
}

int ChildProcess::stop(milliseconds grace) {
  signal(SIGTERM);
  if (const auto status = wait_for(grace)) return *status;
  signal(SIGKILL);
  reap(0);
  return status_.value_or(-1);
}

void ChildProcess::close_output() {
  if (out_fd_ >= 0) close(out_fd_);
  out_fd_ = -1;
  out_buffer_.clear();
}

// Reads whatever the child wrote within `timeout`, from both pipes so it
// never blocks on a full one. Closes a pipe at its end of file.
void ChildProcess::pump(milliseconds timeout) {
  pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
  if (poll(fds, 2, static_cast<int>(timeout.count())) <= 0) return;
  for (auto& p : fds) {
    if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
    char buf[8192];
    const ssize_t n = read(p.fd, buf, sizeof buf);
    std::string& target = p.fd == out_fd_ ? out_buffer_ : err_buffer_;
    if (n > 0) {
      target.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      close(p.fd);
      (p.fd == out_fd_ ? out_fd_ : err_fd_) = -1;
    }
  }
}

std::optional<std::string> ChildProcess::read_line(milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (const auto nl = out_buffer_.find('\n'); nl != std::string::npos) {
      std::string line = out_buffer_.substr(0, nl);
      out_buffer_.erase(0, nl + 1);
      return line;
    }
    if (out_fd_ < 0) {
      if (out_buffer_.empty()) return std::nullopt;
      return std::exchange(out_buffer_, {});
    }
    if (Clock::now() >= deadline) return std::nullopt;
    pump(milliseconds(remaining_ms(deadline)));
  }
}

std::optional<int> ChildProcess::wait_for(milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!status_) {
    reap(WNOHANG);
    if (status_ || Clock::now() >= deadline) break;
    // Drains the pipes meanwhile, so a child writing much can still end;
    // with none left, a short pause between looks.
    if (out_fd_ >= 0 || err_fd_ >= 0) {
      pump(milliseconds(std::min(20, remaining_ms(deadline))));
    } else {
      poll(nullptr, 0, std::min(5, remaining_ms(deadline)));
    }
  }
  return status_;
}

const std::string& ChildProcess::err() {
  while (err_fd_ >= 0) {
    const auto before = err_buffer_.size();
    pump(milliseconds(status_ ? 100 : 0));
    if (err_buffer_.size() == before) break;
  }
  return err_buffer_;
}

}  // namespace lh::sys
