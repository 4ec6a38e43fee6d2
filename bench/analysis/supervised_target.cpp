#include "supervised_target.h"

#include <chrono>
#include <stdexcept>
#include <thread>

namespace lh::bench {
namespace {

// The port in the child's first stdout line ("... listening on
// http://127.0.0.1:PORT"), read within ten seconds.
int read_port(sys::ChildProcess& child) {
  const std::string line = child.read_line(std::chrono::seconds(10)).value_or("");
  const std::string prefix = "http://127.0.0.1:";
  const auto at = line.find(prefix);
  if (at == std::string::npos) throw std::runtime_error("demo target did not start: " + line);
  return std::stoi(line.substr(at + prefix.size()));
}

}  // namespace

SupervisedTarget::SupervisedTarget(std::vector<std::string> argv) : argv_(std::move(argv)) { start(0); }

SupervisedTarget::~SupervisedTarget() {
  if (child_) child_->stop(std::chrono::seconds(10));
}

void SupervisedTarget::start(int port) {
  std::vector<std::string> argv = argv_;
  argv.insert(argv.begin() + 1, {"--port", std::to_string(port)});
  child_.reset();
  auto child = std::make_unique<sys::ChildProcess>(argv, sys::ChildOptions{.err = sys::ChildStream::inherit});
  port_ = read_port(*child);  // on failure the child is killed and reaped as it goes
  // Nothing more is read from stdout: the target writes only its first line.
  child->close_output();
  child_ = std::move(child);
}

bool SupervisedTarget::restart_if_exited() {
  if (!child_->exited()) return false;
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
