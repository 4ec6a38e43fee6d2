#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "child_process.h"

namespace lh::test {

// The demo target running as a child of the test, on a free loopback port.
class DemoTarget {
 public:
  explicit DemoTarget(const std::vector<std::string>& flags = {});

  int port() const { return port_; }
  std::string url(std::string_view path = "") const;
  // The requests the target served at `endpoint` ("segment", "convert"),
  // by its own counter (demo_requests_total on /metrics). Throws (a failed
  // test) when the target does not say: the benches link this too.
  double served(const std::string& endpoint) const;
  ChildProcess& process() { return *process_; }

 private:
  std::unique_ptr<ChildProcess> process_;
  int port_ = 0;
};

}  // namespace lh::test
