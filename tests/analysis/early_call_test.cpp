// The live verdict on fast growth: called within 30 s of warm-up, and
// honest that a cache filling as fast looks the same until it is full
// (docs/ANALYSIS.md, Limits); a full window's leak is no early call.
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <variant>

#include "analysis/analyzer.h"
#include "analysis/verdict_words.h"
#include "synthetic_series.h"

using namespace lh::analysis;

namespace {

struct Series {
  std::vector<double> t, v;
};

template <typename Shape>
Series sample(double seconds, double interval, double noise, Shape shape, std::uint64_t seed = 11) {
  Series s;
  lh::synth::sample_shape(seconds, interval, noise, shape, seed, s.t, s.v);
  return s;
}

// Fed sample by sample, the live verdict read after each from `from_s` on:
// when it first says leak, if ever.
std::optional<double> first_live_leak(const Series& s, double from_s = 0, const AnalysisParameters& params = {}) {
  LiveAnalyzer live("MiB", params);
  for (std::size_t i = 0; i < s.t.size(); ++i) {
    live.append(s.t[i], s.v[i]);
    if (s.t[i] < from_s) continue;
    const auto v = live.verdict();
    if (v.kind == VerdictKind::leak) {
      UNSCOPED_INFO("said leak at " << s.t[i] << " s: " << format_verdict(v));
      return s.t[i];
    }
  }
  return std::nullopt;
}

template <typename R>
bool has(const Verdict& v) {
  for (const auto& r : v.reasons)
    if (std::holds_alternative<R>(r)) return true;
  return false;
}

}  // namespace

TEST_CASE("live: a leak of half the level a minute is called within 30 s of warm-up, and says it was called early") {
  // 10 s of warm-up, then +50 % of the level a minute.
  const auto s = sample(60, 0.5, 0.5, [](double t) {
    return 200 * (0.5 + 0.5 * std::min(t, 10.0) / 10) + (t > 10 ? 100 * (t - 10) / 60 : 0);
  });
  const auto at = first_live_leak(s);
  REQUIRE(at);
  CHECK(*at <= 40);
  const auto v = analyze(SeriesInput{.t_s = s.t, .values = s.v, .unit = "MiB"});
  REQUIRE(v.kind == VerdictKind::leak);
  CHECK(has<reason::EarlyCall>(v));
  CHECK(format_verdict(v).find("a cache filling this fast looks the same") != std::string::npos);
}

TEST_CASE("a steady leak read over a long window is not taken for a slowing one") {
  const auto s = sample(1800, 1, 0.6, [](double t) { return 200 + 20 * (1 - std::exp(-t / 20)) + 0.02 * t; });
  const auto v = analyze(SeriesInput{.t_s = s.t, .values = s.v, .unit = "MiB"});
  CHECK(v.kind == VerdictKind::leak);
  CHECK_FALSE(has<reason::EarlyCall>(v));
}

namespace {

// A leak per request under a closed loop (ab -c N): each request takes
// longer as the process grows, so requests, and the leak with them, slow to
// under half their pace within a minute: sqrt-shaped in time, a line per
// request.
double served_by(double t) { return 1000 * (std::sqrt(1 + t / 15) - 1); }

std::vector<RequestCount> request_counts(double seconds) {
  std::vector<RequestCount> out;
  for (double t = 0; t <= seconds; t += 1) out.push_back({t, served_by(t)});
  return out;
}

}  // namespace

TEST_CASE("a closed-loop leak that multiplies the process in a minute is a leak, though its pace slows") {
  // Case 1's shape: 35 MiB to over 1.3 GiB in 58 s (a real recording bent so).
  const auto s = sample(58, 0.5, 0.5, [](double t) { return 35 + 1.3 * served_by(t); });
  const auto v = analyze(SeriesInput{.t_s = s.t, .values = s.v, .unit = "MiB"});
  INFO(format_verdict(v));
  CHECK(v.kind == VerdictKind::leak);
  CHECK_FALSE(has<reason::Bending>(v));
}

TEST_CASE("a closed-loop leak's bend is read against the requests served, a warm-up's still bends") {
  // A large process: the leak adds less than its size, so only the request
  // count tells its slowing from a warm-up's.
  const auto leak = sample(58, 0.5, 1.0, [](double t) { return 1000 + 0.4 * served_by(t); });
  const auto counts = request_counts(60);
  const auto by_time = analyze(SeriesInput{.t_s = leak.t, .values = leak.v, .unit = "MiB"});
  INFO("by time: " << format_verdict(by_time));
  CHECK(by_time.kind == VerdictKind::inconclusive);
  CHECK(has<reason::Bending>(by_time));
  const auto by_requests = analyze(SeriesInput{.t_s = leak.t, .values = leak.v, .unit = "MiB", .requests = counts});
  INFO("by requests: " << format_verdict(by_requests));
  CHECK(by_requests.kind == VerdictKind::leak);

  // A warm-up at a steady request rate slows per request too.
  const auto warmup = sample(58, 0.5, 1.0, [](double t) { return 1000 + 600 * (1 - std::exp(-t / 40)); });
  std::vector<RequestCount> steady;
  for (double t = 0; t <= 60; t += 1) steady.push_back({t, 50 * t});
  const auto w = analyze(SeriesInput{.t_s = warmup.t, .values = warmup.v, .unit = "MiB", .requests = steady});
  INFO("warm-up: " << format_verdict(w));
  CHECK(w.kind != VerdictKind::leak);
}

TEST_CASE("the least fast window (a scenario's leak.min_window_fast) holds an early call back, never a leak for good") {
  // A cache that takes two minutes to fill climbs like a leak until then; a
  // team that knows it sets the fast window to the steady one.
  const auto s = sample(240, 0.5, 0.5, [](double t) {
    return 200 * (0.5 + 0.5 * std::min(t, 10.0) / 10) + (t > 10 ? 100 * (t - 10) / 60 : 0);
  });
  AnalysisParameters patient;
  patient.min_window_floor_s = patient.min_window_s;
  const auto early = first_live_leak(s);
  const auto late = first_live_leak(s, 0, patient);
  REQUIRE(early);
  REQUIRE(late);
  CHECK(*early <= 40);
  CHECK(*late >= 90);
  CHECK(*late <= 130);

  // A steady window below the default floor lowers the floor with it
  // (std::clamp with its bounds crossed was undefined).
  AnalysisParameters quick;
  quick.min_window_s = 10;
  const auto quickest = first_live_leak(s, 0, quick);
  REQUIRE(quickest);
  CHECK(*quickest <= *early);
}
