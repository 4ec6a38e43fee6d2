// A session end to end against the demo target on loopback: load and
// probes on one clock, the journal kept up to date while it runs, the
// verdicts at the end. Minutes of real time each: SERIAL.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "analysis/verdict_words.h"
#include "common/input_error.h"
#include "demo_target.h"
#include "loopback_server.h"
#include "session/session_data.h"
#include "session/session_runner.h"
#include "synthetic_session.h"

using namespace lh::session;
using namespace std::chrono_literals;
using lh::test::DemoTarget;
using lh::test::TempFolder;

namespace {

SessionPlan segment_plan(const std::string& base, double seconds, double rate) {
  SessionPlan plan;
  plan.name = "e2e";
  lh::load::RequestTemplate r;
  r.method = "POST";
  r.url = base + "/segment";
  r.content_type = "application/json";
  r.body = R"({"text": "One. Two. Three.", "language": "en"})";
  plan.load.emplace();
  plan.load->requests.push_back(r);
  plan.load->rate = rate;
  plan.load->concurrency = 4;
  plan.load->duration = lh::Seconds(seconds);
  plan.probes.sources.push_back(lh::probe::parse_source_spec("segmentation=" + base));
  plan.probes.interval = lh::Seconds(0.2);
  return plan;
}

// Runs to the end, checking on the way that the journal never lags the
// session by more than a second.
// Polls the runner until `done` holds of its progress, for at most a minute
// (a bound for a broken runner, not a speed to meet).
template <typename Done>
bool wait_for_progress(SessionRunner& runner, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done(runner.progress())) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

SessionProgress run_checking_journal(SessionRunner& runner) {
  runner.start();
  int checks = 0;
  while (!runner.wait_for(3000ms)) {
    const double elapsed = runner.progress().elapsed_s;
    const SessionData so_far = load_session(runner.folder());
    CHECK(so_far.killed());  // no end record yet
    const auto rows = so_far.store->read_rows(so_far.probe_group, 0);
    REQUIRE_FALSE(rows.t.empty());
    CHECK(rows.t.back() >= elapsed - 1.0);
    ++checks;
  }
  CHECK(checks > 3);
  return runner.progress();
}

}  // namespace

TEST_CASE("a leaking service gives leak live and at the end") {
  DemoTarget target({"--leak-kb-per-request", "16"});
  TempFolder dir("e2e_leak");
  SessionRunner runner(segment_plan(target.url(), 110, 50), {.folder = dir / "run"});
  const SessionProgress end = run_checking_journal(runner);
  CHECK(end.state == SessionState::finished);
  CHECK(end.requests > 5000);
  CHECK(end.errors == 0);
  CHECK(end.watched_series == "memory.rss_mb");
  REQUIRE(end.watched_verdict);
  CHECK(end.watched_verdict->kind == lh::analysis::VerdictKind::leak);

  const SessionData data = load_session(dir / "run");
  CHECK(data.state == "finished");
  CHECK(data.store->row_count(data.probe_group) >= 540);  // 110 s at 200 ms
  REQUIRE(data.watched());
  CHECK(data.watched()->verdict.kind == lh::analysis::VerdictKind::leak);
  // The live analyzer and the whole-series analysis agree on the same data.
  CHECK(data.watched()->verdict.slope_per_hour == Approx(end.watched_verdict->slope_per_hour).epsilon(0.01));
  CHECK(data.watched()->verdict.growth_per_1000_requests.has_value());
  REQUIRE(data.load);
  CHECK(data.load->completed == end.requests);
}

TEST_CASE("a bounded cache that fills and holds gives no_leak") {
  // Two worker threads: with many, glibc's per-thread arenas make the demo
  // target's RSS creep even with its cache full.
  DemoTarget target({"--cache-limit", "200", "--threads", "2"});
  TempFolder dir("e2e_cache");
  // Probes every 0.5 s, not 0.2 s: on a saturated machine a 2 s stall of
  // the sampler would be ten intervals, a gap that splits the series and
  // leaves too short a window for a verdict. And 140 s: the verdict needs
  // 90 s after the warm-up and the cache filling.
  SessionPlan plan = segment_plan(target.url(), 140, 50);
  plan.probes.interval = lh::Seconds(0.5);
  SessionRunner runner(std::move(plan), {.folder = dir / "run"});
  runner.start();
  runner.wait();
  const SessionData data = load_session(dir / "run");
  REQUIRE(data.watched());
  std::string reasons;
  for (const std::string& reason : lh::analysis::reason_lines(data.watched()->verdict)) reasons += "\n  " + reason;
  INFO("reasons:" << reasons);
  CHECK(data.watched()->verdict.kind == lh::analysis::VerdictKind::no_leak);
  bool cache_analysed = false;
  for (const auto& v : data.verdicts) cache_analysed |= v.name == "language_processor.cache_size";
  CHECK(cache_analysed);
}

TEST_CASE("pause and resume and stop at any moment: the journal ends whole") {
  DemoTarget target;
  TempFolder dir("e2e_control");
  SessionRunner runner(segment_plan(target.url(), 600, 100), {.folder = dir / "run"});
  CHECK(runner.state() == SessionState::ready);
  runner.start();
  REQUIRE(wait_for_progress(runner, [](const SessionProgress& p) { return p.requests >= 50; }));
  runner.pause();
  SessionProgress paused;
  REQUIRE(wait_for_progress(runner, [&](const SessionProgress& p) {
    paused = p;
    return p.state == SessionState::paused;
  }));
  REQUIRE(paused.remaining_s);
  CHECK(*paused.remaining_s > 590);
  // While the probes go on (five more samples: a second at 200 ms), nothing
  // new is sent: at most the 4 requests in flight at the pause come back.
  SessionProgress later;
  REQUIRE(wait_for_progress(runner, [&](const SessionProgress& p) {
    later = p;
    return p.samples >= paused.samples + 5;
  }));
  CHECK(later.state == SessionState::paused);
  CHECK(later.requests <= paused.requests + 4);
  runner.resume();
  REQUIRE(wait_for_progress(runner, [&](const SessionProgress& p) {
    return p.state == SessionState::running && p.requests > paused.requests;
  }));
  runner.stop();
  REQUIRE(runner.wait_for(30s));
  CHECK(runner.state() == SessionState::stopped);
  const SessionData data = load_session(dir / "run");
  CHECK(data.state == "stopped");
  CHECK(data.ended.has_value());
  CHECK(data.end_s < 600);  // ended by the stop
}

TEST_CASE("a target that refuses connections at the start ends the session as unreachable") {
  const int closed_port = lh::test::unused_loopback_port();
  TempFolder dir("e2e_unreachable");
  SessionRunner runner(segment_plan("http://127.0.0.1:" + std::to_string(closed_port), 60, 10), {.folder = dir / "run"});
  runner.start();
  REQUIRE(runner.wait_for(10s));
  CHECK(runner.state() == SessionState::unreachable);
  CHECK_FALSE(runner.progress().error.empty());
  CHECK(load_session(dir / "run").state == "unreachable");
}

TEST_CASE("a session stopped before it started leaves no journal") {
  TempFolder dir("e2e_never");
  {
    SessionRunner runner(segment_plan("http://127.0.0.1:9", 60, 10), {.folder = dir / "run"});
    runner.stop();
    CHECK(runner.state() == SessionState::stopped);
    CHECK(runner.wait_for(0ms));
    runner.start();  // too late: nothing happens
    CHECK(runner.state() == SessionState::stopped);
  }
  CHECK_FALSE(std::filesystem::exists(dir / "run" / "journal.jsonl"));
}

TEST_CASE("a bad plan or a folder that already holds a session is bad input") {
  TempFolder dir("e2e_bad");
  SessionPlan plan = segment_plan("http://127.0.0.1:9", 60, 10);
  plan.probes.interval = lh::Seconds(0.01);
  CHECK_THROWS_AS(SessionRunner(plan, {.folder = dir / "a"}), lh::InputError);
  plan = segment_plan("http://127.0.0.1:9", 60, 10);
  plan.load->concurrency = 0;
  CHECK_THROWS_AS(SessionRunner(plan, {.folder = dir / "a"}), lh::InputError);
  lh::test::write_synthetic_session(dir / "b", {});
  CHECK_THROWS_WITH(SessionRunner(segment_plan("http://127.0.0.1:9", 60, 10), {.folder = dir / "b"}),
                    Catch::Contains("already holds a session"));
}
