// What the load engine does over time: rates, latencies against a known
// delay, a stalling server under a constant rate, stages, stopping and
// pausing at any moment, and the live series.
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
using lh::load::RunState;
using lh::load::Stage;
using lh::test::plan_for;
using lh::test::run_plan;
using lh::test::LoopbackServer;

TEST_CASE("a constant rate (--rate) holds within 2 % over 5 s") {
  const int threads = GENERATE(1, 2);  // two threads share the arrivals
  lh::test::DemoTarget target;
  auto plan = plan_for(target.url("/health"), 0, 20);
  plan.threads = threads;
  plan.count.reset();
  plan.rate = 200;
  plan.duration = lh::Seconds(5);
  const auto s = run_plan(plan);
  CHECK(s.state == RunState::finished);
  CHECK(s.totals.started >= 980);
  CHECK(s.totals.started <= 1020);
  CHECK(s.totals.completed + s.totals.aborted == s.totals.started);
  CHECK(static_cast<double>(s.totals.started) / s.elapsed_s == Approx(200).epsilon(0.02));
  const auto in_rows = std::accumulate(s.rows.begin(), s.rows.end(), std::uint64_t{0},
                                       [](std::uint64_t sum, const auto& row) { return sum + row.requests; });
  CHECK(in_rows == s.totals.completed);
  CHECK(s.rows.size() >= 5);
}

TEST_CASE("a slow constant rate still lasts its whole duration") {
  lh::test::DemoTarget target;
  auto plan = plan_for(target.url("/health"), 0, 2);
  plan.count.reset();
  plan.rate = 4;
  plan.duration = lh::Seconds(1.5);
  const auto s = run_plan(plan);
  CHECK(s.totals.completed == 6);  // due at 0, 0.25, … 1.25 s
  CHECK(s.elapsed_s >= 1.5);
  CHECK(s.requests_per_second == Approx(4).epsilon(0.05));
}

TEST_CASE("latency percentiles match a known server delay") {
  const bool fast = GENERATE(true, false);
  lh::test::DemoTarget target({"--latency-ms", "20"});
  auto plan = plan_for(target.url("/segment"), 100, 4);
  plan.fast_http1 = fast;
  auto& r = plan.requests.front();
  r.method = "POST";
  r.body = R"({"text": "One. Two.", "language": "en"})";
  r.content_type = "application/json";
  const auto s = run_plan(plan);
  CHECK(s.totals.status[200] == 100);
  CHECK(s.latency.p50_ms >= 20);
  CHECK(s.latency.p50_ms <= 25);
  CHECK(s.latency.min_ms >= 20);
}

TEST_CASE("under a constant rate, a server that stalls for 1 s shows the stall in p99") {
  // Every handler takes the same lock; one request, 1 s into the run, holds
  // it for a second: the whole server stalls, as a GC pause would.
  std::mutex server_lock;
  std::atomic<bool> stalled{false};
  const auto started = std::chrono::steady_clock::now();
  LoopbackServer server([&](httplib::Server& s) {
    s.Get("/", [&](const auto&, auto& res) {
      std::lock_guard lock(server_lock);
      if (std::chrono::steady_clock::now() - started > 1s && !stalled.exchange(true)) std::this_thread::sleep_for(1s);
      res.set_content("{}", "application/json");
    });
  });
  auto plan = plan_for(server.url("/"), 0, 2);
  plan.count.reset();
  plan.rate = 100;
  plan.duration = lh::Seconds(4);
  const auto s = run_plan(plan);
  CHECK(stalled);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.completed >= 390);
  // With two connections only two requests were on the wire during the
  // stall; the ~100 that were due meanwhile waited for one. Measured from
  // when they were due, a quarter of all requests saw the stall: p90 and
  // p99 show it. (Measured from when they were sent, only 2 of 400 would.)
  CHECK(s.latency.p99_ms >= 800);
  CHECK(s.latency.p90_ms >= 300);
  CHECK(s.latency.p50_ms < 100);
}

TEST_CASE("stop mid-run is clean, at any moment") {
  lh::test::DemoTarget target;
  auto plan = plan_for(target.url("/health"), 0, 8);
  plan.count.reset();
  plan.duration = lh::Seconds(60);
  lh::SessionClock clock;

  SECTION("while running") {
    LoadEngine engine(plan, clock);
    engine.start();
    std::this_thread::sleep_for(500ms);
    const auto before = std::chrono::steady_clock::now();
    engine.stop();
    REQUIRE(engine.wait_for(2s));
    CHECK(std::chrono::steady_clock::now() - before < 500ms);
    const auto s = engine.snapshot();
    CHECK(s.state == RunState::stopped);
    CHECK(s.totals.completed > 0);
    CHECK(s.totals.completed + s.totals.aborted == s.totals.started);
    CHECK(s.totals.failed() == 0);
    CHECK(s.in_flight == 0);
    CHECK(s.elapsed_s < 5);
    engine.stop();  // again: nothing happens
    CHECK(engine.finished());
  }
  SECTION("before it starts") {
    LoadEngine engine(plan, clock);
    engine.stop();
    engine.start();
    CHECK(engine.wait_for(100ms));
    CHECK(engine.snapshot().state == RunState::stopped);
    CHECK(engine.snapshot().totals.started == 0);
  }
  SECTION("by destroying a running engine") {
    const auto before = std::chrono::steady_clock::now();
    {
      LoadEngine engine(plan, clock);
      engine.start();
      std::this_thread::sleep_for(100ms);
    }
    CHECK(std::chrono::steady_clock::now() - before < 1s);
  }
}

TEST_CASE("pause sends nothing new; resume goes on where it left off") {
  lh::test::DemoTarget target;
  auto plan = plan_for(target.url("/health"), 0, 4);
  plan.count.reset();
  plan.rate = 200;
  plan.duration = lh::Seconds(1.5);
  lh::SessionClock clock;
  LoadEngine engine(plan, clock);
  engine.start();
  std::this_thread::sleep_for(500ms);
  engine.pause();
  std::this_thread::sleep_for(100ms);  // requests in flight come back
  const auto paused = engine.snapshot();
  CHECK(paused.state == RunState::paused);
  std::this_thread::sleep_for(700ms);
  const auto still = engine.snapshot();
  CHECK(still.totals.started == paused.totals.started);
  CHECK(still.elapsed_s == Approx(paused.elapsed_s).margin(0.01));  // a pause is not running time
  engine.resume();
  REQUIRE(engine.wait_for(5s));
  const auto s = engine.snapshot();
  CHECK(s.state == RunState::finished);
  // 1.5 s of running at 200/s, the pause excluded.
  CHECK(s.totals.started >= 280);
  CHECK(s.totals.started <= 310);
}

TEST_CASE("stages ramp the concurrency, mark each stage with an event, and end the run") {
  lh::test::DemoTarget target({"--latency-ms", "10"});
  auto plan = plan_for(target.url("/segment"), 0, 1);
  plan.count.reset();
  plan.requests.front().method = "POST";
  plan.requests.front().body = R"({"text": "One."})";
  plan.stages = {Stage{lh::Seconds(1), 1}, Stage{lh::Seconds(1), 8}};
  lh::SessionClock clock;
  LoadEngine engine(plan, clock);
  engine.start();
  REQUIRE(engine.wait_for(10s));
  const auto s = engine.snapshot();
  CHECK(s.state == RunState::finished);
  CHECK(s.elapsed_s == Approx(2).margin(0.2));
  CHECK(s.stage_count == 2);
  CHECK(s.stage == 2);
  REQUIRE(s.events.size() == 2);
  CHECK(s.events[0].kind == lh::EventKind::stage);
  CHECK(s.events[0].source == "load");
  CHECK(s.events[0].detail == "stage 1/2: 1 → 1 connections over 1.0s");
  CHECK(s.events[1].detail == "stage 2/2: 1 → 8 connections over 1.0s");
  CHECK(s.events[1].t_s - s.events[0].t_s == Approx(1).margin(0.05));
  CHECK(s.events[0].t_s == Approx(s.started_at_s).margin(0.05));
  // One connection of ~10 ms requests in the first second, a ramp to 8 in
  // the second: about 4.5 times the throughput.
  REQUIRE(s.rows.size() >= 2);
  CHECK(s.rows[0].target == 1);
  CHECK(s.rows[1].target >= 7);
  CHECK(s.rows[1].requests > 2 * s.rows[0].requests);
}

TEST_CASE("a reader polling the live series gets every second once, stamped on the session clock") {
  lh::test::DemoTarget target;
  auto plan = plan_for(target.url("/health"), 0, 2);
  plan.count.reset();
  plan.rate = 100;
  plan.duration = lh::Seconds(3.5);
  lh::SessionClock clock;  // the session began before the load did
  std::this_thread::sleep_for(200ms);
  LoadEngine engine(plan, clock);
  engine.start();
  std::vector<lh::load::SecondRow> rows;
  lh::load::SnapshotCursor cursor;
  for (int i = 0; i < 100; ++i) {
    const bool done = engine.wait_for(250ms);
    auto s = engine.snapshot(cursor);
    rows.insert(rows.end(), s.rows.begin(), s.rows.end());
    cursor = s.cursor;
    CHECK(s.rows_dropped == 0);
    if (done) break;
  }
  const auto s = engine.snapshot();
  // Three whole seconds and about half of one (more if the machine was so
  // busy that the run ended late).
  REQUIRE(rows.size() >= 4);
  CHECK(rows.size() <= 5);
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
