// Shapes that climb like a leak for a while and are not one must not make
// the live verdict say leak at any moment (docs/ANALYSIS.md, "The live
// verdict"); leaks must still be called, fast ones within 30 s.
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <variant>

#include "analysis/analyzer.h"
#include "analysis/given_back.h"
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

TEST_CASE("growth given back: a fall that gives back most of the climb, until memory climbs past it") {
  std::vector<double> t, y;
  for (int i = 0; i < 60; ++i) {
    t.push_back(i);
    y.push_back(100 + (i % 30) * 1.0);  // two ramps of 29, each falling back to 100
  }
  const auto back = growth_given_back(t, y, 100);
  REQUIRE(back);
  CHECK(back->from == 129);
  CHECK(back->to == 100);
  // Climbing on past the old peak by half the fall regains it.
  for (int i = 60; i < 80; ++i) {
    t.push_back(i);
    y.push_back(130 + (i - 60) * 1.0);
  }
  CHECK_FALSE(growth_given_back(t, y, 100));
  // A lone spike that falls back is not growth given back.
  std::vector<double> flat_t, flat_y;
  for (int i = 0; i < 60; ++i) {
    flat_t.push_back(i);
    flat_y.push_back(i == 30 ? 150 : 100 + 0.01 * i);
  }
  CHECK_FALSE(growth_given_back(flat_t, flat_y, 100));
}

TEST_CASE("live: a GC sawtooth whose floor stays put is not called a leak once it has fallen back") {
  // Five ramps of 90 s, +25 % each, falling back to the same floor: the
  // first ramp is a leak as far as anyone can tell; after its fall, no more.
  const auto s = sample(450, 1, 0.3, [](double t) { return 200 + 50 * std::fmod(t, 90) / 90; });
  CHECK_FALSE(first_live_leak(s, 91));
}

TEST_CASE("live: a sawtooth whose floor climbs is a leak") {
  const auto s = sample(900, 1, 0.3, [](double t) { return 200 + 20 * std::fmod(t, 60) / 60 + 0.4 * t; });
  CHECK(first_live_leak(s));
  CHECK(analyze(SeriesInput{.t_s = s.t, .values = s.v, .unit = "MiB"}).kind == VerdictKind::leak);
}

TEST_CASE("live: a model loaded once is one step, not a leak") {
  const auto s = sample(300, 1, 0.3, [](double t) { return 200 + 100 * std::clamp((t - 60) / 5, 0.0, 1.0); });
  CHECK_FALSE(first_live_leak(s));
}

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
