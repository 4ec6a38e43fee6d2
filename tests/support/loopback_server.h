#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace lh::test {

// A cpp-httplib server on 127.0.0.1, serving on a thread of its own for the
// length of a test; stopped and joined when it goes out of scope, so a
// failed REQUIRE never leaves it behind. Plain HTTP, or HTTPS when given a
// certificate and key (PEM files).
class LoopbackServer {
 public:
  explicit LoopbackServer(const std::string& cert_file = "", const std::string& key_file = "");
  // Mounts `routes` and starts at once on a free port.
  explicit LoopbackServer(const std::function<void(httplib::Server&)>& routes, const std::string& cert_file = "",
                          const std::string& key_file = "");
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // Where handlers are mounted, before start().
  httplib::Server& server() { return *server_; }

  // Listens on `port` (0: a free one) and returns once it serves. Throws
  // when the port cannot be bound.
  void start(int port = 0);
  void stop();
  // True once stop() began: handlers that wait on purpose end early.
  bool stopping() const { return stopping_; }

  int port() const { return port_; }
  std::string url(const std::string& path) const;

 private:
  std::unique_ptr<httplib::Server> server_;
  std::string scheme_;
  std::thread thread_;
  std::atomic<bool> stopping_ = false;
  int port_ = 0;
};

// A loopback port nothing listens on (bound, then released): connecting to
// it is refused.
int unused_loopback_port();

// Whether something accepts a connection on the loopback port now.
bool loopback_port_accepts(int port);

}  // namespace lh::test
