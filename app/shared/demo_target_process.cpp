#include "demo_target_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string_view>
#include <thread>

#include "common/input_error.h"

namespace lh::app {
namespace {

constexpr const char* kName = "leakhound-demo-target";

std::filesystem::path own_folder() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

bool executable(const std::filesystem::path& path) { return !path.empty() && access(path.c_str(), X_OK) == 0; }

// Reads the target's first line; empty after `timeout` or at its exit.
std::string first_line(int fd, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string line;
  while (line.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return {};
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[256];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return {};
    line.append(buf, static_cast<std::size_t>(n));
  }
  return line.substr(0, line.find('\n'));
}

}  // namespace

std::vector<std::string> demo_target_flags() {
  return {"--leak-kb-per-request", std::to_string(kDemoLeakKib), "--cache-limit", std::to_string(kDemoCacheEntries)};
}

std::filesystem::path find_demo_target() {
  const auto here = own_folder();
  for (const auto& candidate : {here / kName, here.parent_path() / "demo_target" / kName}) {
    if (executable(candidate)) return candidate;
  }
  if (const char* path = std::getenv("PATH")) {
    std::string_view rest(path);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const std::filesystem::path dir(std::string(rest.substr(0, colon)));
      if (!dir.empty() && executable(dir / kName)) return dir / kName;
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  throw InputError(std::string(kName) + " was not found next to this program nor on PATH");
}

DemoTargetProcess::DemoTargetProcess(const std::vector<std::string>& flags, std::filesystem::path binary) {
  if (binary.empty()) binary = find_demo_target();
  std::vector<std::string> argv{binary.string(), "--port", "0"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw InputError("cannot start the demo target: no pipe");
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) throw InputError("cannot start the demo target: fork failed");
  if (pid_ == 0) {
    // Dies with its parent, even when the parent is killed with SIGKILL.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(1);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);  // the CLI blocks SIGINT/SIGTERM for its own use
    dup2(out[1], STDOUT_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDERR_FILENO);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  const std::string line = first_line(out[0], std::chrono::seconds(10));
  close(out[0]);
  const std::string prefix = "listening on http://127.0.0.1:";
  const auto at = line.find(prefix);
  if (at == std::string::npos) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    throw InputError("the demo target (" + binary.string() + ") did not start" + (line.empty() ? "" : ": " + line));
  }
  port_ = std::atoi(line.c_str() + at + prefix.size());
  url_ = "http://127.0.0.1:" + std::to_string(port_);
}

DemoTargetProcess::~DemoTargetProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  for (int i = 0; i < 100; ++i) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
}

}  // namespace lh::app
