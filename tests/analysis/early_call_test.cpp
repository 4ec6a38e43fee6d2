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
std::optional<double> first_live_leak(const Series& s, double from_s = 0) {
  LiveAnalyzer live("MiB");
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
  const auto s = sample(60, 0.5, 0.5, [](double t) { return 200 * (0.5 + 0.5 * std::min(t, 10.0) / 10) + (t > 10 ? 100 * (t - 10) / 60 : 0); });
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
