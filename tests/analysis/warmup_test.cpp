// An explicit warm-up (AnalysisParameters::warmup_s): the first seconds
// are left out, by the whole-series analysis and the live one alike.
#include <catch2/catch.hpp>
#include <random>

#include "analysis/analyzer.h"
#include "analysis/verdict_json.h"
#include "analysis/verdict_words.h"

using namespace lh::analysis;

namespace {

// 4 minutes of steady growth (a warm-up that looks linear, such as caches
// of compiled code filling), then 6 minutes flat, at 1 Hz.
struct Series {
  std::vector<double> t, v;
};
Series known_warmup() {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0, 0.5);
  Series s;
  for (int i = 0; i < 600; ++i) {
    s.t.push_back(i);
    s.v.push_back((i < 240 ? 400 + 0.5 * i : 520) + noise(rng));
  }
  return s;
}

}  // namespace

TEST_CASE("a known warm-up is left out, and the verdict says so") {
  const Series s = known_warmup();
  const SeriesInput input{.t_s = s.t, .values = s.v, .unit = "MiB"};
  // Detected on its own, the warm-up's assumed tail leaves too little.
  const Verdict detected = analyze(input);
  CHECK(detected.kind == VerdictKind::inconclusive);
  AnalysisParameters params;
  params.warmup_s = 240;
  const Verdict v = analyze(input, params);
  CHECK(v.kind == VerdictKind::no_leak);
  CHECK(v.window_from_s >= 240);
  REQUIRE_FALSE(v.segments.empty());
  CHECK(v.segments.front().from_s >= 240);
  REQUIRE_FALSE(v.reasons.empty());
  CHECK(reason_lines(v).front() == "warm-up until 00:04:00 excluded, as set");
}

TEST_CASE("the live analyzer leaves the same warm-up out") {
  const Series s = known_warmup();
  AnalysisParameters params;
  params.warmup_s = 240;
  LiveAnalyzer live("MiB", params);
  for (std::size_t i = 0; i < s.t.size(); ++i) {
    live.append(s.t[i], s.v[i]);
    if (i % 100 != 99) continue;
    const std::span<const double> t(s.t.data(), i + 1), v(s.v.data(), i + 1);
    INFO("after " << i + 1 << " samples");
    CHECK(to_json(live.fresh_verdict()) == to_json(analyze(SeriesInput{.t_s = t, .values = v, .unit = "MiB"}, params)));
  }
  CHECK(live.verdict().kind == VerdictKind::no_leak);
  // A restart during the warm-up changes nothing: its segment never began.
  live.add_restart(100);
  CHECK(live.verdict().restarts == 0);
  CHECK(live.verdict().kind == VerdictKind::no_leak);
}

TEST_CASE("during a known warm-up the verdict says it has nothing after it yet, not a rate") {
  const Series s = known_warmup();
  AnalysisParameters params;
  params.warmup_s = 240;
  const std::span<const double> t(s.t.data(), 100), v(s.v.data(), 100);
  const Verdict early = analyze(SeriesInput{.t_s = t, .values = v, .unit = "MiB"}, params);
  CHECK(early.kind == VerdictKind::inconclusive);
  REQUIRE(early.deciding);
  CHECK(reason_lines(early)[*early.deciding] == "no data after warm-up yet: a verdict needs 1m 30s of it");
}
