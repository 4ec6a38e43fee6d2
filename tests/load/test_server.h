#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace lh::test {

// A cpp-httplib server on a free loopback port, running on a thread of its
// own for the length of a test. httplib closes a keep-alive connection after
// 5 requests, which the engine must take in its stride.
class TestServer {
 public:
  // With a certificate and key (PEM files), it serves HTTPS.
  explicit TestServer(const std::function<void(httplib::Server&)>& routes, const std::string& cert_file = "",
                      const std::string& key_file = "")
      : server_(cert_file.empty() ? std::make_unique<httplib::Server>()
                                  : std::make_unique<httplib::SSLServer>(cert_file.c_str(), key_file.c_str())),
        scheme_(cert_file.empty() ? "http" : "https") {
    routes(*server_);
    server_->set_tcp_nodelay(true);  // or each answer waits 40 ms for a delayed ACK
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("test server: cannot bind a loopback port");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    for (int i = 0; i < 500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~TestServer() {
    server_->stop();
    thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::string url(const std::string& path) const {
    return scheme_ + "://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::string scheme_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace lh::test
