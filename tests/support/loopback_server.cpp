#include "loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace lh::test {

LoopbackServer::LoopbackServer(const std::string& cert_file, const std::string& key_file)
    : server_(cert_file.empty() ? std::make_unique<httplib::Server>()
                                : std::make_unique<httplib::SSLServer>(cert_file.c_str(), key_file.c_str())),
      scheme_(cert_file.empty() ? "http" : "https") {
  server_->set_tcp_nodelay(true);  // or each answer waits 40 ms for a delayed ACK
}

LoopbackServer::LoopbackServer(const std::function<void(httplib::Server&)>& routes, const std::string& cert_file,
                               const std::string& key_file)
    : LoopbackServer(cert_file, key_file) {
  routes(*server_);
  start();
}

LoopbackServer::~LoopbackServer() { stop(); }

void LoopbackServer::start(int port) {
  port_ = port == 0 ? server_->bind_to_any_port("127.0.0.1") : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
  if (port_ <= 0) throw std::runtime_error("loopback server: cannot bind 127.0.0.1:" + std::to_string(port));
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int i = 0; i < 2500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  if (!server_->is_running()) throw std::runtime_error("loopback server: did not start");
}

void LoopbackServer::stop() {
  stopping_ = true;
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string LoopbackServer::url(const std::string& path) const {
  return scheme_ + "://127.0.0.1:" + std::to_string(port_) + path;
}

int unused_loopback_port() {
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  close(sock);
  return ntohs(addr.sin_port);
}

bool loopback_port_accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool accepted = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return accepted;
}

}  // namespace lh::test
