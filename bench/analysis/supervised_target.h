#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sys/child_process.h"

namespace lh::bench {

// The demo target as a child of the recorder, restarted the way a
// supervisor restarts the conversion service: when it exits (after
// --restart-after conversions), it is started again on the same port.
class SupervisedTarget {
 public:
  // `argv` is the target's command line without --port; the first start
  // picks a free loopback port, later ones reuse it.
  explicit SupervisedTarget(std::vector<std::string> argv);
  ~SupervisedTarget();
  SupervisedTarget(const SupervisedTarget&) = delete;
  SupervisedTarget& operator=(const SupervisedTarget&) = delete;

  int port() const { return port_; }
  // Starts the target again if it has exited; true when it did.
  bool restart_if_exited();
  int restarts() const { return restarts_; }

 private:
  void start(int port);

  std::vector<std::string> argv_;
  std::unique_ptr<sys::ChildProcess> child_;
  int port_ = 0;
  int restarts_ = 0;
};

}  // namespace lh::bench
