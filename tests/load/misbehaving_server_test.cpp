// A server that misbehaves on purpose (raw_server.h): each way of breaking an
// answer is counted under the same cause by both of the engine's paths, the
// fast path (http-parser) and full libcurl transfers, and worded without
// "Success".
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "raw_server.h"
#include "run_plan.h"

using lh::load::FailureCause;
using lh::test::failures;
using lh::test::plan_for;
using lh::test::RawServer;
using lh::test::run_plan;

namespace {

RawServer::Reply reply_for(const std::string& request_line) {
  using End = RawServer::End;
  if (request_line.starts_with("GET /short ")) {  // a body shorter than its Content-Length
    return {"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten.\n", End::close};
  }
  if (request_line.starts_with("GET /chunks-cut ")) {  // a chunked body that never ends
    return {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", End::close};
  }
  if (request_line.starts_with("GET /nothing ")) return {"", End::close};  // closes without answering
  if (request_line.starts_with("GET /reset ")) return {"", End::reset};
  if (request_line.starts_with("GET /reset-mid-body ")) {
    return {"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten.\n", End::reset};
  }
  if (request_line.starts_with("GET /half-headers ")) return {"HTTP/1.1 200 OK\r\nContent-Le", End::close};
  if (request_line.starts_with("GET /not-http ")) return {"SSH-2.0-OpenSSH_9.2\r\n\r\n", End::close};
  if (request_line.starts_with("GET /then-close ")) {  // keep-alive by default, closed after the answer all the same
    return {"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n", End::close};
  }
  if (request_line.starts_with("GET /interim ")) {  // 100 Continue and 103 Early Hints before the answer
    return {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n",
            End::keep_alive};
  }
  return {"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", End::close};
}

}  // namespace

TEST_CASE("both paths name the same cause for each way an answer breaks") {
  const bool fast = GENERATE(true, false);
  const auto [path, cause] = GENERATE(table<std::string, FailureCause>({
      {"/short", FailureCause::length},
      {"/chunks-cut", FailureCause::length},
      {"/nothing", FailureCause::reset},
      {"/reset", FailureCause::reset},
      {"/reset-mid-body", FailureCause::reset},
      {"/half-headers", FailureCause::reset},
      {"/not-http", FailureCause::read},
  }));
  INFO((fast ? "fast path " : "libcurl path ") << path);
  RawServer server(reply_for);
  auto plan = plan_for(server.url(path), 3, 1);
  plan.fast_http1 = fast;
  const auto s = run_plan(plan);
  CHECK(s.totals.completed == 3);
  CHECK(failures(s, cause) == 3);
  CHECK(s.totals.failed() == 3);
  CHECK(!s.first_error.empty());
  CHECK(s.first_error.find("Success") == std::string::npos);
}

// An interim answer (1xx) is not the answer: the one after it is. Read as
// the answer, each 100 Continue was a non-2xx response with no body, and the
// real answer behind it was then taken for the next request's.
TEST_CASE("interim answers (100 Continue, 103 Early Hints) are read past on both paths") {
  const bool fast = GENERATE(true, false);
  INFO((fast ? "fast path" : "libcurl path"));
  RawServer server(reply_for);
  auto plan = plan_for(server.url("/interim"), 6, 2);
  plan.fast_http1 = fast;
  const auto s = run_plan(plan);
  CHECK(s.totals.completed == 6);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.non_2xx == 0);
}

namespace {

// Answers each connection with `head`, then `unit` again and again, as fast
// as the socket takes it, until it goes.
class FloodServer {
 public:
  FloodServer(std::string head, std::string unit) : head_(std::move(head)), unit_(std::move(unit)) {
    listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    REQUIRE(bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(listen(listener_, 16) == 0);
    REQUIRE(getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FloodServer() {
    stop_ = true;
    thread_.join();
    close(listener_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/flood"; }

 private:
  // A thread per connection, each sending as fast as it can: a single
  // loop over all of them sends too slowly to outrun the reader.
  void serve() {
    std::string flood;
    while (flood.size() < 256 * 1024) flood += unit_;
    std::vector<std::thread> senders;
    pollfd listening{listener_, POLLIN, 0};
    while (!stop_) {
      if (poll(&listening, 1, 50) <= 0) continue;
      const int fd = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      senders.emplace_back([this, fd, &flood] {
        const timeval wait{0, 50000};  // a blocked send gives up after 50 ms, so stop_ is seen
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, sizeof wait);
        [[maybe_unused]] auto n = send(fd, head_.data(), head_.size(), MSG_NOSIGNAL);
        // Goes on from where a send cut short by the time-out stopped, so
        // the stream stays whole units: a unit cut in two would be a
        // malformed answer, not an endless one.
        std::size_t at = 0;
        while (!stop_) {
          n = send(fd, flood.data() + at, flood.size() - at, MSG_NOSIGNAL);
          if (n > 0) at = (at + static_cast<std::size_t>(n)) % flood.size();
        }
        close(fd);
      });
    }
    for (auto& t : senders) t.join();
  }

  std::string head_, unit_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// A 1-s run of 2 connections against `server`, whose answers would wait
// 120 s: it must end within 20 s whatever the server sends.
lh::load::LoadSnapshot run_one_second_against(const FloodServer& server, bool fast) {
  auto plan = plan_for(server.url(), std::nullopt, 2);
  plan.fast_http1 = fast;
  plan.duration = lh::Seconds(1);
  plan.timeout = lh::Seconds(120);
  const auto began = std::chrono::steady_clock::now();
  auto s = run_plan(plan, std::chrono::seconds(100));
  CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(20));
  return s;
}

}  // namespace

// The fast path read while the socket had bytes, and read past interim
// answers without limit: a server that never stops sending them kept the
// worker from its clock, and a 1-s run lasted until the server gave up (60 s
// against a Python flood).
TEST_CASE("a server that sends interim answers without end cannot hold a run past its end") {
  const bool fast = GENERATE(true, false);
  INFO((fast ? "fast path" : "libcurl path"));
  FloodServer server("", "HTTP/1.1 100 Continue\r\n\r\n");
  const auto s = run_one_second_against(server, fast);
  // Each request is given up after 300 KiB of headers (libcurl's cap), on
  // both paths: a failure to read the answer.
  CHECK(s.totals.completed > 2);
  CHECK(s.totals.failed() == s.totals.completed);
  CHECK(failures(s, FailureCause::read) == s.totals.completed);
  CHECK_THAT(s.first_error, Catch::StartsWith("Too large response headers"));
}

// An answer whose body never ends is cut at the run's end, as any answer in
// flight is. Chunks of one byte: parsing them is slower than the server
// sends them, so the socket is never drained.
TEST_CASE("a server that sends a body without end cannot hold a run past its end") {
  const bool fast = GENERATE(true, false);
  INFO((fast ? "fast path" : "libcurl path"));
  FloodServer server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\nx\r\n");
  const auto s = run_one_second_against(server, fast);
  CHECK(s.totals.aborted == 2);
  CHECK(s.totals.completed == 0);
}

// A server that closes every connection after its answer, without saying
// so: to libcurl the fast path's CONNECT_ONLY connections sit idle in its
// cache, and once a second, when it opens another, it closes those it finds
// dead. It closed them under the slots that held them: the next send() on
// that fd failed ("Bad file descriptor", a read failure), or went to the
// socket that had taken its number. Each closed connection is retried.
TEST_CASE("connections the server closes after each answer are retried, whoever sees the close first") {
  RawServer server(reply_for);
  auto plan = plan_for(server.url("/then-close"), std::nullopt, 64);
  plan.duration = lh::Seconds(4);
  const auto s = run_plan(plan);
  INFO(s.first_error);
  CHECK(s.totals.completed > 1000);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.non_2xx == 0);
}
