#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace lh::test {

// A TCP server on 127.0.0.1 that answers each request with whatever bytes
// the test gives it, well formed or not, then keeps the connection, closes
// it or resets it: the misbehaving server that cpp-httplib, being correct,
// cannot play. Many connections at once over one poll loop, with a listen
// backlog of 1024 (cpp-httplib's is 5, too few for hundreds of connects at
// once), on a thread of its own, stopped when it goes.
class RawServer {
 public:
  enum class End { keep_alive, close, reset };
  struct Reply {
    std::string bytes;  // sent once the request's headers arrived
    End end = End::close;
  };
  // `reply` gets the request line ("GET /short HTTP/1.1").
  explicit RawServer(std::function<Reply(const std::string&)> reply) : reply_(std::move(reply)) {
    listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listener_, 1024) != 0 ||
        getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      throw std::runtime_error("raw server: cannot listen");
    }
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~RawServer() {
    stop_ = true;
    thread_.join();
    for (const auto& p : fds_) close(p.fd);
  }
  RawServer(const RawServer&) = delete;
  RawServer& operator=(const RawServer&) = delete;

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  void serve() {
    fds_.push_back({listener_, POLLIN, 0});
    buffers_.emplace_back();
    while (!stop_) {
      if (poll(fds_.data(), fds_.size(), 100) <= 0) continue;  // 100 ms: stop_ is seen soon
      if (fds_[0].revents & POLLIN) {
        const int fd = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) {
          fds_.push_back({fd, POLLIN, 0});
          buffers_.emplace_back();
        }
      }
      for (std::size_t i = fds_.size(); i-- > 1;) {
        if (fds_[i].revents && !on_readable(i)) {
          close(fds_[i].fd);
          fds_.erase(fds_.begin() + static_cast<std::ptrdiff_t>(i));
          buffers_.erase(buffers_.begin() + static_cast<std::ptrdiff_t>(i));
        }
      }
    }
  }

  // Reads, answers every whole request; false when the connection ends.
  bool on_readable(std::size_t i) {
    char bytes[4096];
    const ssize_t n = recv(fds_[i].fd, bytes, sizeof bytes, 0);
    if (n <= 0) return false;
    std::string& buffer = buffers_[i];
    buffer.append(bytes, static_cast<std::size_t>(n));
    for (auto end = buffer.find("\r\n\r\n"); end != std::string::npos; end = buffer.find("\r\n\r\n")) {
      const Reply reply = reply_(buffer.substr(0, buffer.find("\r\n")));
      buffer.erase(0, end + 4);
      if (!reply.bytes.empty()) [[maybe_unused]] auto sent = send(fds_[i].fd, reply.bytes.data(), reply.bytes.size(), MSG_NOSIGNAL);
      if (reply.end == End::reset) {
        const linger abort{1, 0};  // close() sends a RST
        setsockopt(fds_[i].fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
      }
      if (reply.end != End::keep_alive) return false;
    }
    return true;
  }

  std::function<Reply(const std::string&)> reply_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::vector<pollfd> fds_;  // the listener first, then the connections
  std::vector<std::string> buffers_;
};

}  // namespace lh::test
