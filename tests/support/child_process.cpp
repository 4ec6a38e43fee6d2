#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace lh::test {
namespace {

using Clock = std::chrono::steady_clock;

int decode(int raw) { return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw); }

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  out_fd_ = out[0];
  err_fd_ = err[0];
}

ChildProcess::~ChildProcess() {
  if (!status_) {
    ::kill(pid_, SIGKILL);
    int raw = 0;
    waitpid(pid_, &raw, 0);
  }
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

void ChildProcess::signal(int sig) {
  if (!status_) ::kill(pid_, sig);
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
    } else {
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
    int raw = 0;
    rusage usage{};
    if (wait4(pid_, &raw, WNOHANG, &usage) == pid_) {
      status_ = decode(raw);
      peak_rss_kib_ = usage.ru_maxrss;
      break;
    }
    if (Clock::now() >= deadline) return std::nullopt;
    if (out_fd_ >= 0 || err_fd_ >= 0) {
      pump(milliseconds(std::min(20, remaining_ms(deadline))));
    } else {
      usleep(5000);
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

std::vector<std::string> with_file_size_limit(int blocks, std::vector<std::string> argv) {
  argv.insert(argv.begin(), {"/bin/sh", "-c", "trap '' XFSZ; ulimit -f " + std::to_string(blocks) + " && exec \"$@\"", "sh"});
  return argv;
}

CommandResult run_command(const std::vector<std::string>& argv, milliseconds timeout) {
  ChildProcess child(argv);
  CommandResult result;
  const auto deadline = Clock::now() + timeout;
  while (auto line = child.read_line(milliseconds(remaining_ms(deadline)))) result.out += *line + "\n";
  result.status = child.wait_for(milliseconds(remaining_ms(deadline))).value_or(-1);
  result.err = child.err();
  result.peak_rss_kib = child.peak_rss_kib();
  return result;
}

}  // namespace lh::test
