#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace lh::cli {

// The bundled leakhound-demo-target: next to this binary (an install, or
// the build tree's app/demo_target beside app/cli), else on PATH.
// Throws InputError when it is nowhere.
std::filesystem::path find_demo_target();

// The demo target running as a child of the CLI on a free loopback port.
// It dies with the CLI (PR_SET_PDEATHSIG), so a killed demo leaves no
// server behind.
class DemoTargetProcess {
 public:
  // Starts it with `flags` and waits up to 10 s for its "listening" line.
  // Throws InputError when it cannot be started.
  explicit DemoTargetProcess(const std::vector<std::string>& flags);
  // Stops it: SIGTERM, then SIGKILL after 5 s.
  ~DemoTargetProcess();
  DemoTargetProcess(const DemoTargetProcess&) = delete;
  DemoTargetProcess& operator=(const DemoTargetProcess&) = delete;

  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT"
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  std::string url_;
  int port_ = 0;
};

}  // namespace lh::cli
