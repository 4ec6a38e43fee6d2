#include "supervised_target.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace lh::bench {
namespace {

// Reads the child's first stdout line ("... listening on http://127.0.0.1:PORT")
// within ten seconds and returns the port.
int read_port(int fd) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buf[256];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  const std::string prefix = "http://127.0.0.1:";
  const auto at = line.find(prefix);
  if (at == std::string::npos) throw std::runtime_error("demo target did not start: " + line);
  return std::stoi(line.substr(at + prefix.size()));
}

}  // namespace

SupervisedTarget::SupervisedTarget(std::vector<std::string> argv) : argv_(std::move(argv)) { start(0); }

SupervisedTarget::~SupervisedTarget() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int raw = 0;
    waitpid(pid_, &raw, 0);
  }
}

void SupervisedTarget::start(int port) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  std::vector<std::string> argv = argv_;
  argv.insert(argv.begin() + 1, {"--port", std::to_string(port)});
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  try {
    port_ = read_port(out[0]);
  } catch (...) {
    close(out[0]);
    ::kill(pid_, SIGKILL);
    int raw = 0;
    waitpid(pid_, &raw, 0);
    pid_ = -1;
    throw;
  }
  // Nothing more is read from stdout: the target writes only its first line.
  close(out[0]);
}

bool SupervisedTarget::restart_if_exited() {
  int raw = 0;
  if (waitpid(pid_, &raw, WNOHANG) != pid_) return false;
  // A supervisor notices the exit and starts the service again a moment later.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (int attempt = 0;; ++attempt) {
    try {
      start(port_);
      break;
    } catch (const std::runtime_error&) {
      if (attempt == 20) throw;  // the port stayed busy for several seconds
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  }
  ++restarts_;
  return true;
}

}  // namespace lh::bench
