// The verdict on whole series: labelled synthetic ones, and the reasons,
// figures and JSON a person reads.
#include "analysis/analyzer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "analysis/verdict_json.h"
#include "analysis/verdict_words.h"
#include "synthetic_series.h"

using namespace lh::analysis;

namespace {

struct Recorded {
  std::vector<double> t, v, restarts;
  std::vector<RequestCount> requests;
};

// Samples every `interval` s for `seconds`, value = shape(t) + N(0, noise).
template <typename Shape>
Recorded record(double seconds, double interval, double noise, Shape shape, std::uint64_t seed = 1) {
  Recorded r;
  lh::synth::sample_shape(seconds, interval, noise, shape, seed, r.t, r.v);
  return r;
}

Verdict verdict_of(const Recorded& r, std::optional<double> limit = std::nullopt, std::string unit = "MiB") {
  return analyze(SeriesInput{
      .t_s = r.t, .values = r.v, .unit = unit, .restarts_s = r.restarts, .requests = r.requests, .limit = limit});
}

bool has_reason(const Verdict& v, const std::string& text) {
  for (const auto& r : reason_lines(v)) {
    if (r.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("labelled synthetic series: every shape the issue lists") {
  // Seed 777 is the tests' own; bench/analysis reports on another.
  const auto set = lh::synth::generate_set(777, 6);
  int tp = 0, fp = 0, fn = 0;
  std::map<lh::synth::Shape, int> wrong;
  for (const auto& s : set) {
    std::vector<RequestCount> requests;
    for (const auto& q : s.requests) requests.push_back({q.t_s, q.count});
    const auto v = analyze(SeriesInput{
        .t_s = s.t_s,
        .values = s.values,
        .unit = s.unit,
        .restarts_s = s.restarts_s,
        .restarts_known = !s.restarts_s.empty(),
        .requests = requests});
    const bool said = v.kind == VerdictKind::leak;
    tp += said && s.leak;
    fp += said && !s.leak;
    fn += !said && s.leak;
    if (said != s.leak) {
      ++wrong[s.shape];
      UNSCOPED_INFO(s.name << " (" << s.describe << "): " << format_verdict(v));
    }
  }
  const double precision = double(tp) / (tp + fp), recall = double(tp) / (tp + fn);
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.9);  // the shapes real services showed are harder: docs/BENCHMARKS.md
  for (auto shape : lh::synth::all_shapes()) {
    INFO(lh::synth::to_string(shape));
    CHECK(wrong[shape] <= 2);
  }
}

TEST_CASE("an unmistakable leak is called within a few minutes") {
  const auto r = record(180, 1, 0.5, [](double t) { return 200 + t * 0.05; });  // 180 MiB/h on 200 MiB
  const auto v = verdict_of(r);
  CHECK(v.kind == VerdictKind::leak);
  CHECK(v.confidence > 0.99);
  CHECK(v.slope_per_hour == Approx(180).epsilon(0.1));
  CHECK(v.slope_ci_low < v.slope_per_hour);
  CHECK(v.slope_ci_high > v.slope_per_hour);
  CHECK(has_reason(v, "still growing at the end"));
}

TEST_CASE("a minute of data is too little for a verdict") {
  const auto r = record(60, 1, 0.5, [](double t) { return 200 + t * 0.05; });
  const auto v = verdict_of(r);
  CHECK(v.kind == VerdictKind::inconclusive);
  CHECK(v.confidence == 0);
  CHECK(has_reason(v, "too little data after warm-up"));
}

TEST_CASE("a series without one reading says so, not that it waits for data after warm-up") {
  // Each answer left the number out (1e308 MiB) or failed: gaps only.
  Recorded r;
  for (int i = 0; i < 600; ++i) {
    r.t.push_back(i);
    r.v.push_back(std::nan(""));
  }
  const auto v = verdict_of(r);
  CHECK(v.kind == VerdictKind::inconclusive);
  CHECK(has_reason(v, "no readings of it: the events say"));
  CHECK_FALSE(has_reason(v, "warm-up"));

  // Readings that all fall in an explicit warm-up are readings: the run waits.
  AnalysisParameters params;
  params.warmup_s = 120;
  const auto early = record(60, 1, 0.5, [](double) { return 200.0; });
  const auto waiting = analyze(SeriesInput{.t_s = early.t, .values = early.v, .unit = "MiB"}, params);
  CHECK(has_reason(waiting, "no data after warm-up yet"));
  CHECK_FALSE(has_reason(waiting, "no readings"));
}

TEST_CASE("a warm-up that levels off is excluded and named") {
  const auto r = record(1800, 1, 1.0, [](double t) { return 300 + 150 * (1 - std::exp(-t / 60)); });
  const auto v = verdict_of(r);
  CHECK(v.kind == VerdictKind::no_leak);
  CHECK(has_reason(v, "warm-up until 00:0"));
  CHECK(v.window_from_s > 120);
  CHECK(v.window_to_s == Approx(1800).margin(40));  // the last bucket may be partial, left out
}

TEST_CASE("a cache that fills and holds is no leak: growth that goes on after it is") {
  auto cache = [](double t) { return 100 + 0.3 * std::min(t, 600.0); };
  CHECK(verdict_of(record(2400, 1, 0.5, cache)).kind == VerdictKind::no_leak);
  const auto leak = verdict_of(record(2400, 1, 0.5, [&](double t) { return cache(t) + t * 0.01; }));
  CHECK(leak.kind == VerdictKind::leak);
  CHECK(leak.slope_per_hour == Approx(36).epsilon(0.15));
}

TEST_CASE("growth that goes on after the cache is full is named") {
  auto r = record(2400, 1, 0.5, [](double t) { return 100 + 0.3 * std::min(t, 600.0) + t * 0.01; });
  std::vector<CacheCount> cache;
  for (double t = 0; t <= 2400; t += 10) cache.push_back({t, std::min(t, 600.0) * 2});
  const auto v = analyze(SeriesInput{.t_s = r.t, .values = r.v, .unit = "MiB", .cache = cache});
  CHECK(v.kind == VerdictKind::leak);
  CHECK(has_reason(v, "growth continues after the cache stopped growing at 00:10:00"));
}

TEST_CASE("a restart loop that grows between restarts is a leak, with the growth per cycle") {
  // Restarted every 10 min, growing 210 MiB each time over a 2 GiB base.
  auto r = record(2400, 1, 2.0, [](double t) { return 2048 + 0.35 * std::fmod(t, 600.0); });
  r.restarts = {600, 1200, 1800};
  const auto v = verdict_of(r, 8192.0);
  CHECK(v.kind == VerdictKind::leak);
  CHECK(v.restarts == 3);
  CHECK(v.segments.size() == 4);
  CHECK(has_reason(v, "3 restarts; grows about 21"));  // 210 or 211 MiB: 0.35 MiB/s over each 600 s cycle
  CHECK(has_reason(v, "MiB between each"));
  // Each cycle restarts long before 8 GiB; from the last level the slope needs ~4.7 h.
  REQUIRE(v.time_to_limit_h);
  CHECK(*v.time_to_limit_h == Approx((8192 - 2048 - 210) / (0.35 * 3600)).epsilon(0.05));
  // Which it reaches only without the restarts: they keep it under 2.3 GiB.
  CHECK(has_reason(v, "would reach the limit of 8.00 GiB in about 4.7 h"));
  CHECK(has_reason(v, " without restarts"));
  CHECK(verdict_sentence("svc/rss_mb", v).find(", and without restarts would reach its limit in about 4.7 h.") !=
        std::string::npos);
}

TEST_CASE("restarts with flat memory are no leak") {
  auto r = record(2400, 1, 1.0, [](double) { return 512.0; });
  r.restarts = {600, 1200, 1800};
  const auto v = verdict_of(r);
  CHECK(v.kind == VerdictKind::no_leak);
  CHECK(has_reason(v, "3 restarts; no growth that counts between them"));
}

TEST_CASE("growth per 1,000 requests and the time to a limit") {
  // 10 requests/s, each keeping 10 KiB: 100 KiB/s = 351.6 MiB/h.
  auto r = record(900, 1, 0.2, [](double t) { return 400 + t * 100.0 / 1024; });
  for (double t = 0; t <= 900; t += 5) r.requests.push_back({t, 10 * t});
  const auto v = verdict_of(r, 8192.0);
  REQUIRE(v.kind == VerdictKind::leak);
  REQUIRE(v.growth_per_1000_requests);
  CHECK(*v.growth_per_1000_requests == Approx(10000.0 / 1024).epsilon(0.02));  // 9.77 MiB
  REQUIRE(v.time_to_limit_h);
  const double level_now = 400 + 900 * 100.0 / 1024;
  CHECK(*v.time_to_limit_h == Approx((8192 - level_now) / 351.5625).epsilon(0.02));
  REQUIRE(v.time_to_limit_low_h);
  CHECK(*v.time_to_limit_low_h <= *v.time_to_limit_h);
  CHECK(has_reason(v, "per 1,000 requests"));
  CHECK(has_reason(v, "reaches the limit of 8.00 GiB in about"));
}

TEST_CASE("a series in bytes gets the absolute gate in its own unit") {
  // 0.5 MiB/h growth on 40 MiB is 1.25 %/h: below both gates; 2 % of the
  // level is 0.8 MiB/h, so the absolute 1 MiB/h applies, in bytes.
  const auto r = record(7200, 1, 1000, [](double t) { return 40.0 * 1048576 + t * 0.5 * 1048576 / 3600; });
  const auto v = verdict_of(r, std::nullopt, "B");
  CHECK(v.kind != VerdictKind::leak);
  CHECK(v.practical_slope_per_hour == Approx(1048576.0));
}

TEST_CASE("the JSON has exactly the fields of analyze --json, in order") {
  const auto r = record(600, 1, 0.5, [](double t) { return 200 + t * 0.05; });
  const auto j = to_json(verdict_of(r, 1024.0));
  std::vector<std::string> keys;
  for (const auto& [k, value] : j.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"verdict", "confidence", "slope_per_hour", "slope_ci", "unit", "growth",
                                         "window_s", "restarts", "time_to_limit_h", "reasons"});
  CHECK(j["verdict"] == "leak");
  CHECK(j["unit"] == "MiB");
  CHECK(j["slope_ci"].size() == 2);
  CHECK(j["window_s"].size() == 2);
  CHECK(j["time_to_limit_h"].is_number());
  CHECK(j["reasons"].is_array());

  const auto short_run = record(20, 1, 0.5, [](double) { return 200.0; });
  const auto none = to_json(verdict_of(short_run));
  CHECK(none["verdict"] == "inconclusive");
  CHECK(none["time_to_limit_h"].is_null());
}

TEST_CASE("the text form leads with the verdict and lists the reasons") {
  const auto r = record(600, 1, 0.5, [](double t) { return 200 + t * 0.05; });
  const std::string text = format_verdict(verdict_of(r));
  CHECK(text.starts_with("leak (confidence "));
  CHECK(text.find("\n  - grows ") != std::string::npos);
}

TEST_CASE("growth too uneven to size is not said to be below the gate it clears") {
  // eval9's bursty leak: 1.47 GiB/h, interval -93 MiB/h to 4.55 GiB/h, gate 25.6 MiB/h.
  const std::string uncertain =
      describe(reason::BelowSize{.rate = 1505, .gate = 25.6, .low = -93.4, .high = 4659}, "MiB");
  CHECK(uncertain ==
        "grows 1.47 GiB/h, but too unevenly to be sure it is above the 25.6 MiB/h that counts as a leak "
        "(95 % CI -93.4 MiB/h to 4.55 GiB/h)");
  const std::string small = describe(reason::BelowSize{.rate = 10, .gate = 25.6, .low = 2, .high = 40}, "MiB");
  CHECK(small ==
        "grows, but 10.0 MiB/h is below the 25.6 MiB/h that counts as a leak, and up to 40.0 MiB/h "
        "cannot be ruled out");
}

TEST_CASE("epoch-sized times give the verdict that times from zero give") {
  const auto r = record(1200, 1, 0.5, [](double t) { return 300 + 0.3 * std::min(t, 300.0) + t * 0.02; });
  auto shifted = r;
  for (auto& t : shifted.t) t += 1.7e9;
  const auto a = verdict_of(r), b = verdict_of(shifted);
  CHECK(a.kind == VerdictKind::leak);
  CHECK(b.kind == a.kind);
  CHECK(b.slope_per_hour == Approx(a.slope_per_hour).epsilon(1e-6));
  CHECK(b.window_from_s - 1.7e9 == Approx(a.window_from_s).margin(1e-3));
}
