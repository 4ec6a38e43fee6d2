// The load engine against real servers on loopback: counts, status codes,
// failures by cause, latency, the per-second series. Each test runs on both
// paths a plain-HTTP plan can take (the fast path and full libcurl transfers).
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <cerrno>
#include <numeric>

#include "common/runtime_failure.h"
#include "demo_target.h"
#include "loopback_server.h"
#include "run_plan.h"

using namespace std::chrono_literals;
using lh::load::FailureCause;
using lh::load::RunState;
using lh::test::failures;
using lh::test::plan_for;
using lh::test::run_plan;
using lh::test::LoopbackServer;

namespace {

}  // namespace

TEST_CASE("n requests make exactly n completed") {
  const bool fast = GENERATE(true, false);
  const int threads = GENERATE(1, 2);
  lh::test::DemoTarget target;
  auto plan = plan_for(target.url("/health"), 500, 10);
  plan.fast_http1 = fast;
  plan.threads = threads;
  const auto s = run_plan(plan);
  CHECK(s.state == RunState::finished);
  CHECK(s.totals.started == 500);
  CHECK(s.totals.completed == 500);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.aborted == 0);
  CHECK(s.totals.status[200] == 500);
  CHECK(s.latency.count == 500);
  CHECK(s.totals.connections_opened >= 10);
  CHECK(s.totals.connections_opened <= 20);  // keep-alive: connections are reused
  CHECK(s.totals.body_bytes_received > 0);
  CHECK(s.in_flight == 0);
  const auto rows = std::accumulate(s.rows.begin(), s.rows.end(), std::uint64_t{0},
                                    [](std::uint64_t sum, const auto& r) { return sum + r.requests; });
  CHECK(rows == 500);
}

TEST_CASE("answers outside 2xx are counted by status code, not as failures") {
  const bool fast = GENERATE(true, false);
  LoopbackServer server([](httplib::Server& s) {
    s.Get("/ok", [](const auto&, auto& res) { res.set_content("fine", "text/plain"); });
    s.Get("/gone", [](const auto&, auto& res) { res.status = 404; });
    s.Get("/busy", [](const auto&, auto& res) { res.status = 503; });
  });
  auto plan = plan_for(server.url("/ok"), 300, 3);
  plan.fast_http1 = fast;
  for (const char* path : {"/gone", "/busy"}) {
    auto r = plan.requests.front();
    r.url = server.url(path);
    plan.requests.push_back(r);
  }
  const auto s = run_plan(plan);
  CHECK(s.totals.completed == 300);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.status[200] + s.totals.status[404] + s.totals.status[503] == 300);
  CHECK(s.totals.non_2xx == s.totals.status[404] + s.totals.status[503]);
  // An even three-way mix: each within a wide margin of 100.
  for (int code : {200, 404, 503}) {
    CHECK(s.totals.status[static_cast<std::size_t>(code)] > 50);
    CHECK(s.totals.status[static_cast<std::size_t>(code)] < 150);
  }
}

TEST_CASE("weights shape the mix") {
  LoopbackServer server([](httplib::Server& s) {
    s.Get("/a", [](const auto&, auto& res) { res.status = 200; });
    s.Get("/b", [](const auto&, auto& res) { res.status = 202; });
  });
  auto plan = plan_for(server.url("/a"), 2000, 4);
  plan.requests.front().weight = 3;
  auto b = plan.requests.front();
  b.url = server.url("/b");
  b.weight = 1;
  plan.requests.push_back(b);
  const auto s = run_plan(plan);
  CHECK(s.totals.status[200] + s.totals.status[202] == 2000);
  CHECK(s.totals.status[200] > 1400);
  CHECK(s.totals.status[200] < 1600);
}

TEST_CASE("requests that take longer than the timeout count as timeouts") {
  const bool fast = GENERATE(true, false);
  LoopbackServer server([](httplib::Server& s) {
    s.Get("/slow", [](const auto&, auto& res) {
      std::this_thread::sleep_for(1500ms);
      res.set_content("late", "text/plain");
    });
  });
  auto plan = plan_for(server.url("/slow"), 4, 2);
  plan.fast_http1 = fast;
  plan.timeout = lh::Seconds(0.2);
  const auto start = std::chrono::steady_clock::now();
  const auto s = run_plan(plan);
  CHECK(std::chrono::steady_clock::now() - start < 1400ms);  // did not wait for the answers
  CHECK(s.totals.completed == 4);
  CHECK(failures(s, FailureCause::timeout) == 4);
  CHECK(s.totals.failed() == 4);
  CHECK(s.latency.count == 0);
  CHECK(!s.first_error.empty());
}

TEST_CASE("a refused connection is reported clearly") {
  const bool fast = GENERATE(true, false);
  const std::string url = "http://127.0.0.1:" + std::to_string(lh::test::unused_loopback_port()) + "/";
  auto plan = plan_for(url, 50, 5);
  plan.fast_http1 = fast;
  SECTION("at the start, the run stops at once") {
    const auto s = run_plan(plan, std::chrono::seconds(10));
    CHECK(s.state == RunState::unreachable);
    CHECK(failures(s, FailureCause::connect) >= 1);
    CHECK(s.totals.completed < 50);
    CHECK(s.first_error.find("Connection refused") != std::string::npos);
  }
  SECTION("asked to go on, every request fails as a connect failure") {
    plan.stop_if_unreachable_at_start = false;
    const auto s = run_plan(plan, std::chrono::seconds(10));
    CHECK(s.state == RunState::finished);
    CHECK(s.totals.completed == 50);
    CHECK(failures(s, FailureCause::connect) == 50);
  }
}

TEST_CASE("a server that closes keep-alive connections costs no failures") {
  const bool fast = GENERATE(true, false);
  LoopbackServer server([](httplib::Server& s) {  // httplib closes after 5 requests
    s.Get("/", [](const auto&, auto& res) { res.set_content("{}", "application/json"); });
  });
  auto plan = plan_for(server.url("/"), 400, 4);
  plan.fast_http1 = fast;
  const auto s = run_plan(plan);
  CHECK(s.totals.completed == 400);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.status[200] == 400);
  CHECK(s.totals.connections_opened >= 80);
}

TEST_CASE("the length check counts answers whose length differs from the first") {
  const bool fast = GENERATE(true, false);
  std::atomic<int> served{0};
  LoopbackServer server([&](httplib::Server& s) {
    s.Get("/", [&](const auto&, auto& res) { res.set_content(served++ % 2 ? "short" : "longer", "text/plain"); });
  });
  auto plan = plan_for(server.url("/"), 20, 1);
  plan.fast_http1 = fast;
  plan.check_length = true;
  auto s = run_plan(plan);
  CHECK(failures(s, FailureCause::length) == 10);
  plan.check_length = false;
  s = run_plan(plan);
  CHECK(s.totals.failed() == 0);
}

TEST_CASE("a POST body, its content type and headers arrive as given: HEAD has no body") {
  const bool fast = GENERATE(true, false);
  std::string body, type, header;
  std::atomic<int> heads{0};
  LoopbackServer server([&](httplib::Server& s) {
    s.Post("/echo", [&](const httplib::Request& req, auto& res) {
      body = req.body;
      type = req.get_header_value("Content-Type");
      header = req.get_header_value("X-Test");
      res.set_content("ok", "text/plain");
    });
    s.Get("/page", [&](const httplib::Request& req, auto& res) {
      if (req.method == "HEAD") ++heads;
      res.set_content("a page", "text/plain");
    });
  });
  auto plan = plan_for(server.url("/echo"), 3, 1);
  plan.fast_http1 = fast;
  auto& r = plan.requests.front();
  r.method = "POST";
  r.body = R"({"text": "One. Two."})";
  r.content_type = "application/json";
  r.headers = {"X-Test: yes"};
  auto s = run_plan(plan);
  CHECK(s.totals.status[200] == 3);
  CHECK(body == R"({"text": "One. Two."})");
  CHECK(type == "application/json");
  CHECK(header == "yes");

  plan = plan_for(server.url("/page"), 5, 1);
  plan.fast_http1 = fast;
  plan.requests.front().method = "HEAD";
  s = run_plan(plan, std::chrono::seconds(10));
  CHECK(s.totals.status[200] == 5);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.body_bytes_received == 0);
  CHECK(heads == 5);
}

TEST_CASE("a user name in the URL is sent as Basic authentication") {
  std::string authorization;
  LoopbackServer server([&](httplib::Server& s) {
    s.Get("/private", [&](const httplib::Request& req, auto& res) {
      authorization = req.get_header_value("Authorization");
      res.status = authorization.empty() ? 401 : 200;
    });
  });
  auto url = server.url("/private");
  url.insert(url.find("127.0.0.1"), "user:secret@");
  const auto s = run_plan(plan_for(url, 3, 1));
  CHECK(s.totals.status[200] == 3);
  CHECK(authorization == "Basic dXNlcjpzZWNyZXQ=");
}

TEST_CASE("a system out of file descriptors is a runtime failure at start, and the engine starts later") {
  // Every descriptor under a lowered soft limit taken, as on a busy machine:
  // the worker's epoll set cannot be made.
  rlimit before{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &before) == 0);
  rlimit lowered = before;
  lowered.rlim_cur = std::min<rlim_t>(before.rlim_cur, 256);
  REQUIRE(setrlimit(RLIMIT_NOFILE, &lowered) == 0);
  lh::SessionClock clock;
  lh::load::LoadEngine engine(plan_for("http://127.0.0.1:9/", 1, 1), clock);
  std::vector<int> taken;
  for (int fd; (fd = open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;) taken.push_back(fd);
  CHECK(errno == EMFILE);
  CHECK_THROWS_AS(engine.start(), lh::RuntimeFailure);
  std::string message;
  try {
    engine.start();
  } catch (const lh::RuntimeFailure& e) {
    message = e.what();
  }
  for (int fd : taken) close(fd);
  setrlimit(RLIMIT_NOFILE, &before);
  CHECK(message == "cannot start the load: no epoll instance (Too many open files)");
  // Nothing ran: with descriptors again, the same engine starts and ends
  // (against a closed port: one refused request).
  engine.start();
  REQUIRE(engine.wait_for(30s));
  CHECK(engine.snapshot().totals.started == 1);
}
