#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sys/child_process.h"

namespace lh::app {

// The demo's switches: a leak of 16 KiB per request (the original bug of
// the segmentation service) beside a bounded cache that fills and holds
// (the fix), so the verdicts show one of each. `leakhound-cli demo` and
// `leakhound --demo` start the demo target with them.
inline constexpr int kDemoLeakKib = 16;
inline constexpr int kDemoCacheEntries = 200;
std::vector<std::string> demo_target_flags();

// The bundled leakhound-demo-target: next to this binary (an install, or
// the build tree's app/demo_target beside app/cli and app/desktop), else
// on PATH.
// Throws InputError when it is nowhere.
std::filesystem::path find_demo_target();

// The demo target running as a child of this program on a free loopback
// port. It dies with the thread that started it (PR_SET_PDEATHSIG: start
// it from the main thread), so a killed demo leaves no server behind.
class DemoTargetProcess {
 public:
  // Starts it (`binary`, or find_demo_target() when empty) with `flags` and
  // waits up to 10 s for its "listening" line. Throws InputError when it
  // does not start, lh::RuntimeFailure when the system gives no process.
  explicit DemoTargetProcess(const std::vector<std::string>& flags, std::filesystem::path binary = {});
  // Stops it: SIGTERM, then SIGKILL after 5 s.
  ~DemoTargetProcess();
  DemoTargetProcess(const DemoTargetProcess&) = delete;
  DemoTargetProcess& operator=(const DemoTargetProcess&) = delete;

  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT"
  int port() const { return port_; }
  pid_t pid() const { return process_->pid(); }

 private:
  std::unique_ptr<sys::ChildProcess> process_;
  std::string url_;
  int port_ = 0;
};

}  // namespace lh::app
