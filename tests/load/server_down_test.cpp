// A server that is down, or goes down mid-run: connects back off (per
// connection, exponential, capped) instead of hammering it, every refused
// connect is still counted, and the run recovers when the server is back.
#include <catch2/catch.hpp>

#include <thread>

#include "loopback_server.h"
#include "run_plan.h"

using namespace std::chrono_literals;
using lh::load::FailureCause;
using lh::load::RunState;
using lh::test::failures;
using lh::test::LoopbackServer;
using lh::test::plan_for;

namespace {

// Polls `engine` until `done` holds of a snapshot, for at most `limit`.
template <typename Done>
lh::load::LoadSnapshot wait_until(lh::load::LoadEngine& engine, Done done, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  auto s = engine.snapshot();
  while (!done(s) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
    s = engine.snapshot();
  }
  return s;
}

}  // namespace

TEST_CASE("a closed run against a server that is down backs off, and counts every refused connect") {
  const bool fast = GENERATE(true, false);
  const std::string url = "http://127.0.0.1:" + std::to_string(lh::test::unused_loopback_port()) + "/";
  auto plan = plan_for(url, 1000000, 10);
  plan.count.reset();
  plan.duration = lh::Seconds(2);
  plan.fast_http1 = fast;
  plan.stop_if_unreachable_at_start = false;
  const auto s = lh::test::run_plan(plan);
  CHECK(s.state == RunState::finished);
  // Per connection, waits of at least 5, 10, 20, … ms, then 500 ms: at
  // most 8 attempts in the first 635 ms and one per 500 ms after, so 12 in
  // 2 s. Without backoff: tens of thousands.
  const auto refused = failures(s, FailureCause::connect);
  CHECK(refused >= 10);
  CHECK(refused <= 10 * 12);
  CHECK(s.totals.completed == refused);
  CHECK(s.totals.failed() == refused);
}

TEST_CASE("a server that goes down mid-run and comes back gets its load again") {
  const bool fast = GENERATE(true, false);
  LoopbackServer server([](httplib::Server& s) { s.Get("/", [](const auto&, auto& res) { res.set_content("ok", "text/plain"); }); });
  const int port = server.port();
  auto plan = plan_for(server.url("/"), 1, 4);
  plan.count.reset();
  plan.duration = lh::Seconds(60);
  plan.fast_http1 = fast;
  lh::SessionClock clock;
  lh::load::LoadEngine engine(plan, clock);
  engine.start();
  auto answered = [](const lh::load::LoadSnapshot& s) { return s.totals.status[200]; };
  auto s = wait_until(engine, [&](const auto& x) { return answered(x) >= 100; }, 10s);
  REQUIRE(answered(s) >= 100);

  server.stop();
  s = wait_until(engine, [](const auto& x) { return failures(x, FailureCause::connect) >= 20; }, 20s);
  REQUIRE(failures(s, FailureCause::connect) >= 20);  // a connection that backs off is still counted
  const auto before = answered(s);

  LoopbackServer again;  // back, on the same port
  again.server().Get("/", [](const auto&, auto& res) { res.set_content("ok", "text/plain"); });
  again.start(port);
  s = wait_until(engine, [&](const auto& x) { return answered(x) >= before + 100; }, 20s);
  engine.stop();
  REQUIRE(engine.wait_for(10s));
  CHECK(answered(s) >= before + 100);
  CHECK(engine.snapshot().state == RunState::stopped);
}
