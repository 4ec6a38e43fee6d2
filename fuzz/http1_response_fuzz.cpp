// The HTTP/1 answer parser of the load engine's keep-alive fast path
// (Http1Exchange, on http-parser), fed through a socket pair as the engine
// feeds it: any bytes as the server's answer, in reads of a size the first
// byte picks, then the server closing. It must end answered or broken, and
// never count more body than it read.
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <vector>

#include "load/http1_exchange.h"

using lh::load::Http1Exchange;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return 0;
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  static const std::string request = "GET / HTTP/1.1\r\nHost: fuzz\r\n\r\n";
  const bool head = data[0] & 0x80;
  const std::size_t chunk = 1 + (data[0] & 0x3F);
  Http1Exchange exchange;
  exchange.attach(fds[0]);
  exchange.send(request, head);
  std::size_t written = 0;
  for (std::size_t at = 1; at < size;) {
    const ssize_t n = write(fds[1], data + at, size - at);
    if (n <= 0) break;
    at += static_cast<std::size_t>(n);
    written += static_cast<std::size_t>(n);
  }
  shutdown(fds[1], SHUT_WR);
  std::vector<char> buffer(chunk);
  Http1Exchange::Progress p = Http1Exchange::Progress::waiting;
  for (std::size_t reads = 0; p == Http1Exchange::Progress::waiting && reads <= size + 1; ++reads) {
    p = exchange.on_readable(buffer.data(), buffer.size());
  }
  if (p == Http1Exchange::Progress::waiting) __builtin_trap();
  if (exchange.body_bytes() > exchange.bytes_read() || exchange.bytes_read() > written) __builtin_trap();
  close(fds[0]);
  close(fds[1]);
  return 0;
}
