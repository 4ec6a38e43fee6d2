// What the load engine does over time, checked by counts and order, never
// by how fast the machine is: an open model sends no arrival before it is
// due and measures latency from when it was due, stages and stops and
// pauses change what is sent, the live series has every second once. How
// close to the schedule it keeps (rate precision, latency against a known
// delay, stop and pause reaction) is measured by bench/load/engine_timing.cpp
// (docs/BENCHMARKS.md).
#include <catch2/catch.hpp>

#include <atomic>
#include <numeric>
#include <mutex>
#include <thread>

#include "demo_target.h"
#include "run_plan.h"
#include "loopback_server.h"

using namespace std::chrono_literals;
using lh::load::LoadEngine;
using lh::load::LoadSnapshot;
using lh::load::RunState;
using lh::load::Stage;
using lh::test::plan_for;
using lh::test::rate_plan;
using lh::test::run_plan;
using lh::test::segment_plan;
using lh::test::LoopbackServer;

namespace {

// Polls `engine` until `done` holds of a snapshot; fails the test after
// `limit` (a bound for a broken engine, not a speed to meet).
template <typename Done>
LoadSnapshot wait_for_state(LoadEngine& engine, Done done, std::chrono::seconds limit = 30s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    LoadSnapshot s = engine.snapshot();
    if (done(s)) return s;
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(5ms);
  }
}

std::uint64_t row_requests(const LoadSnapshot& s) {
  return std::accumulate(s.rows.begin(), s.rows.end(), std::uint64_t{0},
                         [](std::uint64_t sum, const auto& row) { return sum + row.requests; });
}

}  // namespace

TEST_CASE("a constant rate (--rate) never sends ahead of its schedule and lasts its duration") {
  const int threads = GENERATE(1, 2);  // two threads share the arrivals
  lh::test::DemoTarget target;
  auto plan = rate_plan(target.url("/health"), 200, 5, 20);
  plan.threads = threads;
  const auto s = run_plan(plan);
  CHECK(s.state == RunState::finished);
  CHECK(s.elapsed_s >= 5);
  // At most the arrivals due in 5 s (at 0, 5 ms, … 4.995 s); a busy
  // machine sends some late, never one early.
  CHECK(s.totals.started <= 1000);
  CHECK(s.totals.started > 0);
  CHECK(s.totals.completed + s.totals.aborted == s.totals.started);
  CHECK(row_requests(s) == s.totals.completed);
  CHECK(s.rows.size() >= 5);
}

TEST_CASE("a slow constant rate sends each arrival due in its duration, and lasts it") {
  lh::test::DemoTarget target;
  const auto plan = rate_plan(target.url("/health"), 4, 1.5, 2);
  const auto s = run_plan(plan);
  CHECK(s.totals.completed == 6);  // due at 0, 0.25, … 1.25 s
  CHECK(s.elapsed_s >= 1.5);
}

TEST_CASE("latency is never below a known server delay") {
  const bool fast = GENERATE(true, false);
  lh::test::DemoTarget target({"--latency-ms", "20"});
  auto plan = segment_plan(target.url(), 100, 4);
  plan.fast_http1 = fast;
  const auto s = run_plan(plan);
  CHECK(s.totals.status[200] == 100);
  CHECK(s.latency.count == 100);
  CHECK(s.latency.min_ms >= 20);
  CHECK(s.latency.p50_ms >= 20);
  CHECK(s.latency.min_ms <= s.latency.p50_ms);
  CHECK(s.latency.p50_ms <= s.latency.p99_ms);
  CHECK(s.latency.p99_ms <= s.latency.max_ms);
}

TEST_CASE("under a constant rate, a server that stalls for 1 s shows the stall in p90 and p99") {
  // Every handler takes the same lock; one request, once 50 have been
  // answered, holds it for a second: the whole server stalls, as a GC
  // pause would.
  std::mutex server_lock;
  std::atomic<int> answered{0};
  std::atomic<bool> stalled{false};
  LoopbackServer server([&](httplib::Server& s) {
    s.Get("/", [&](const auto&, auto& res) {
      std::lock_guard lock(server_lock);
      if (++answered > 50 && !stalled.exchange(true)) std::this_thread::sleep_for(1s);
      res.set_content("{}", "application/json");
    });
  });
  const auto s = run_plan(rate_plan(server.url("/"), 100, 4, 2));
  REQUIRE(stalled);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.completed + s.totals.aborted == s.totals.started);
  // With two connections only two requests were on the wire during the
  // stall; the ~100 that were due meanwhile waited for one. Measured from
  // when they were due, a quarter of all requests saw the stall: p90 and
  // p99 show it. (Measured from when they were sent, only 2 of 400 would.)
  CHECK(s.latency.p99_ms >= 800);
  CHECK(s.latency.p90_ms >= 300);
}

TEST_CASE("stop mid-run is clean, at any moment") {
  lh::test::DemoTarget target;
  auto plan = plan_for(target.url("/health"), std::nullopt, 8);
  plan.duration = lh::Seconds(60);
  lh::SessionClock clock;

  SECTION("while running") {
    LoadEngine engine(plan, clock);
    engine.start();
    wait_for_state(engine, [](const LoadSnapshot& s) { return s.totals.completed > 100; });
    engine.stop();
    REQUIRE(engine.wait_for(30s));
    const auto s = engine.snapshot();
    CHECK(s.state == RunState::stopped);
    CHECK(s.totals.completed > 100);
    CHECK(s.totals.completed + s.totals.aborted == s.totals.started);
    CHECK(s.totals.failed() == 0);
    CHECK(s.in_flight == 0);
    CHECK(s.elapsed_s < plan.duration->count());  // ended by the stop, not its time
    engine.stop();  // again: nothing happens
    CHECK(engine.finished());
  }
  SECTION("before it starts") {
    LoadEngine engine(plan, clock);
    engine.stop();
    engine.start();
    CHECK(engine.wait_for(30s));
    CHECK(engine.snapshot().state == RunState::stopped);
    CHECK(engine.snapshot().totals.started == 0);
  }
  SECTION("by destroying a running engine") {
    LoadEngine engine(plan, clock);
    engine.start();
    wait_for_state(engine, [](const LoadSnapshot& s) { return s.totals.started > 0; });
    // The destructor stops the run and joins its threads (a hang fails the
    // test by its timeout).
  }
}

TEST_CASE("pause sends nothing new: resume goes on where it left off") {
  lh::test::DemoTarget target;
  const auto plan = rate_plan(target.url("/health"), 200, 2, 4);
  lh::SessionClock clock;
  LoadEngine engine(plan, clock);
  engine.start();
  wait_for_state(engine, [](const LoadSnapshot& s) { return s.totals.completed >= 50; });
  engine.pause();
  // Requests in flight come back; then nothing new is sent.
  const auto paused = wait_for_state(engine, [](const LoadSnapshot& s) {
    return s.state == RunState::paused && s.in_flight == 0;
  });
  CHECK(paused.elapsed_s < 2);
  // While 40 arrivals would have been due (200 ms at 200/s), none is sent
  // and no running time passes.
  const double paused_at = clock.now();
  while (clock.now() < paused_at + 0.2) {
    const auto s = engine.snapshot();
    REQUIRE(s.totals.started == paused.totals.started);
    REQUIRE(s.elapsed_s == Approx(paused.elapsed_s).margin(0.01));  // a pause is not running time
    std::this_thread::sleep_for(5ms);
  }
  engine.resume();
  REQUIRE(engine.wait_for(30s));
  const auto s = engine.snapshot();
  CHECK(s.state == RunState::finished);
  CHECK(s.totals.started > paused.totals.started);
  CHECK(s.elapsed_s >= 2);
  // 2 s of running at 200/s (arrivals due at 0, 5 ms, … 1.995 s): the ones
  // due while paused are not sent on top.
  CHECK(s.totals.started <= 400);
  CHECK(s.totals.completed + s.totals.aborted == s.totals.started);
}

TEST_CASE("stages ramp the concurrency, mark each stage with an event, and end the run") {
  lh::test::DemoTarget target({"--latency-ms", "10"});
  auto plan = segment_plan(target.url(), std::nullopt, 1, "One.");
  plan.stages = {Stage{lh::Seconds(1), 1}, Stage{lh::Seconds(1), 8}};
  lh::SessionClock clock;
  LoadEngine engine(plan, clock);
  engine.start();
  REQUIRE(engine.wait_for(30s));
  const auto s = engine.snapshot();
  CHECK(s.state == RunState::finished);
  CHECK(s.elapsed_s >= 2);
  CHECK(s.stage_count == 2);
  CHECK(s.stage == 2);
  REQUIRE(s.events.size() == 2);
  CHECK(s.events[0].kind == lh::EventKind::stage);
  CHECK(s.events[0].source == "load");
  CHECK(s.events[0].detail == "stage 1/2: 1 → 1 connections over 1.0s");
  CHECK(s.events[1].detail == "stage 2/2: 1 → 8 connections over 1.0s");
  CHECK(s.events[0].t_s >= s.started_at_s);
  // Each event is stamped with its stage's planned start, not with when a
  // worker noticed it: a second apart, to the rounding of the clocks.
  CHECK(s.events[1].t_s - s.events[0].t_s == Approx(1).margin(1e-6));
  // The target follows the stages: one connection through the first
  // second, then the ramp to 8.
  REQUIRE(s.rows.size() >= 2);
  CHECK(s.rows[0].target == 1);
  CHECK(s.rows[1].target >= 7);
  CHECK(s.rows[1].target <= 8);
}

TEST_CASE("a reader polling the live series gets every second once, stamped on the session clock") {
  lh::test::DemoTarget target;
  const auto plan = rate_plan(target.url("/health"), 100, 3.5, 2);
  // The session began 200 ms before the load does.
  const lh::SessionClock clock(lh::MonoClock::now() - 200ms, lh::WallClock::now() - 200ms);
  LoadEngine engine(plan, clock);
  engine.start();
  std::vector<lh::load::SecondRow> rows;
  lh::load::SnapshotCursor cursor;
  for (int i = 0; i < 400; ++i) {
    const bool done = engine.wait_for(250ms);
    auto s = engine.snapshot(cursor);
    rows.insert(rows.end(), s.rows.begin(), s.rows.end());
    cursor = s.cursor;
    CHECK(s.rows_dropped == 0);
    if (done) break;
  }
  const auto s = engine.snapshot();
  REQUIRE(s.done());
  // Three whole seconds and the half of one that ends the run.
  REQUIRE(rows.size() >= 4);
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i].t_s == Approx(s.started_at_s + static_cast<double>(i)));
    CHECK(rows[i].interval_s == (i + 1 < rows.size() ? 1.0 : rows[i].interval_s));
    total += rows[i].requests;
  }
  CHECK(s.started_at_s >= 0.2);
  CHECK(rows.back().interval_s > 0);
  CHECK(rows.back().interval_s <= 1);
  CHECK(total == s.totals.completed);
}
