// The shapes real services showed: growth at a varying rate, restart loops
// with no markers, staircases, slow warm-up tails, big leaks called fast,
// allocator creep, gaps. Each on a series built for it.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <random>

#include "analysis/analyzer.h"
#include "analysis/verdict_words.h"
#include "synthetic_series.h"

using namespace lh::analysis;

namespace {

struct Series {
  std::vector<double> t, v;
};

// Samples every `interval` s for `seconds`: shape(t) plus white noise.
template <typename Shape>
Series sample(double seconds, double interval, double noise, Shape shape, std::uint64_t seed = 7) {
  Series s;
  lh::synth::sample_shape(seconds, interval, noise, shape, seed, s.t, s.v);
  return s;
}

Verdict verdict_of(const Series& s, bool restarts_known = false) {
  return analyze(SeriesInput{.t_s = s.t, .values = s.v, .unit = "MiB", .restarts_known = restarts_known});
}

bool says(const Verdict& v, const std::string& text) {
  for (const auto& line : reason_lines(v)) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a restart loop recorded without markers leaks between restarts, and the restarts hide it") {
  // The conversion service: 80 MiB at start, +300 MiB over each 40 s cycle,
  // restarted at once by its supervisor; a plain t_s,rss_mb recording.
  const auto s = sample(300, 0.5, 0.5, [](double t) { return 80 + 7.5 * std::fmod(t, 40.0); });
  const Verdict v = verdict_of(s);
  CHECK(v.kind == VerdictKind::leak);
  CHECK(v.restarts == 7);
  CHECK(v.inferred_restarts == 7);
  CHECK(says(v, "7 restarts (seen as memory falling back to where it started)"));
  CHECK(says(v, "it leaks between restarts, and the restarts hide it"));
  CHECK(says(v, "every 40s or so"));
  CHECK(verdict_sentence("rss_mb", v).find("hidden by the restarts") != std::string::npos);
}

TEST_CASE("a restart loop that keeps nothing is no leak, with or without markers") {
  auto flat_loop = [](double t) {
    const double since = std::fmod(t, 40.0);
    return 80 + 60 * (1 - std::exp(-since / 3));  // a warm-up after each restart, then flat
  };
  const auto s = sample(400, 0.5, 0.3, flat_loop);
  CHECK(verdict_of(s).kind != VerdictKind::leak);
}

TEST_CASE("restarts are not read off the series when the caller knows them") {
  const auto s = sample(300, 0.5, 0.5, [](double t) { return 80 + 7.5 * std::fmod(t, 40.0); });
  const Verdict v = verdict_of(s, /*restarts_known=*/true);
  CHECK(v.inferred_restarts == 0);
  CHECK(v.kind != VerdictKind::leak);
}

TEST_CASE("a garbage collector's sawtooth falls back to its floor but is no restart") {
  // The heap grows 30 % and is collected every 60 s, around a flat floor.
  const auto s = sample(1800, 1, 0.5, [](double t) { return 400 + 120 * std::fmod(t, 60.0) / 60; });
  const Verdict v = verdict_of(s);
  CHECK(v.inferred_restarts == 0);
  CHECK(v.kind != VerdictKind::leak);
}

TEST_CASE("growth in uneven bursts with the floor climbing all along is a leak") {
  // Request-driven: most seconds keep nothing, some keep a lot.
  std::mt19937_64 rng(11);
  std::exponential_distribution<double> burst(1.0);
  std::uniform_real_distribution<double> coin(0, 1);
  Series s;
  double kept = 0;
  for (double t = 0; t <= 180; t += 1) {
    if (coin(rng) < 0.25) kept += 4 * burst(rng);
    s.t.push_back(t);
    s.v.push_back(34 + kept);
  }
  const Verdict v = verdict_of(s);
  CHECK(v.kind == VerdictKind::leak);
}

TEST_CASE("three steps up with flat stretches between are a leak: one step is not") {
  auto stairs = [](double t) { return 100 + 20 * std::floor(t / 60); };
  const Verdict three = verdict_of(sample(230, 1, 0.2, stairs));
  CHECK(three.kind == VerdictKind::leak);
  CHECK(says(three, "memory climbs in steps: 3 steps up"));
  const Verdict one = verdict_of(sample(600, 1, 0.2, [](double t) { return t < 200 ? 100.0 : 160.0; }));
  CHECK(one.kind != VerdictKind::leak);
}

TEST_CASE("a process's start-up climb is not a stair: two small allocator steps after it are no staircase") {
  // CPython with its collector off: RSS climbs 9 MiB in its first 10 s,
  // then the allocator takes two more arenas' worth, once each (a real
  // recording's shape, e5_gc_disabled_flat_12s).
  auto arenas = [](double t) {
    const double start_up = 34 + 9 * std::clamp((t - 2.5) / 9.5, 0.0, 1.0);
    return start_up + (t >= 22 ? 1.6 : 0.0) + (t >= 108 ? 1.0 : 0.0);
  };
  const Verdict arena = verdict_of(sample(240, 0.5, 0.01, arenas));
  CHECK(arena.kind != VerdictKind::leak);
  CHECK_FALSE(says(arena, "memory climbs in steps"));
  // The same start-up before three real stairs: they still count.
  auto stairs = [&](double t) { return arenas(std::min(t, 20.0)) + 20 * std::floor(t / 60); };
  const Verdict three = verdict_of(sample(230, 0.5, 0.01, stairs));
  CHECK(three.kind == VerdictKind::leak);
  CHECK(says(three, "memory climbs in steps: 3 steps up"));
}

TEST_CASE("growth a collection gave back is not called a leak, and growth it only trimmed still is") {
  // A heap that ramps 30 MiB over five minutes and is collected back to
  // its floor, read just after its first collection, before a sawtooth of
  // several cycles can be measured.
  auto sawtooth = [](double t) { return 262 + 30 * std::fmod(t, 300) / 300; };
  const Verdict collected = verdict_of(sample(380, 1, 0.3, sawtooth));
  CHECK(collected.kind != VerdictKind::leak);
  CHECK(says(collected, "the growth was given back"));
  // A leak whose collection gives back a third of what it grew keeps the rest.
  auto trimmed = [](double t) { return 262 + 0.1 * t - (t >= 300 ? 10.0 : 0.0); };
  const Verdict kept = verdict_of(sample(380, 1, 0.3, trimmed));
  CHECK(kept.kind == VerdictKind::leak);
  CHECK_FALSE(says(kept, "given back"));
}

TEST_CASE("a warm-up that approaches its plateau slowly is no leak, and says where it levels off") {
  // +80 % with a 4-minute time constant, recorded over 5 of them.
  const auto s = sample(1200, 1, 0.3, [](double t) { return 150 + 120 * (1 - std::exp(-t / 240)); });
  const Verdict v = verdict_of(s);
  CHECK(v.kind != VerdictKind::leak);
}

TEST_CASE("a big leak is called within 30 s after its warm-up, live") {
  // 34 MiB, a 5 s warm-up, then +8 MiB/s (the segmentation service's
  // unbounded cache under full-speed load).
  LiveAnalyzer live("MiB");
  std::mt19937_64 rng(5);
  std::normal_distribution<double> noise(0, 0.3);
  std::optional<double> flipped;
  for (double t = 0; t <= 60; t += 0.5) {
    const double v = t < 5 ? 34 + 2 * t : 44 + 8 * (t - 5);
    live.append(t, v + noise(rng));
    if (!flipped && live.verdict().kind == VerdictKind::leak) flipped = t;
  }
  REQUIRE(flipped);
  CHECK(*flipped - 5 <= 30);
  CHECK(live.verdict().kind == VerdictKind::leak);
}

TEST_CASE("an overwhelming leak that slows near the end is still a leak") {
  // +10 MiB/s for two minutes, then +5 MiB/s for the last 30 s.
  const auto s = sample(150, 1, 0.5, [](double t) { return t < 120 ? 34 + 10 * t : 1234 + 5 * (t - 120); });
  CHECK(verdict_of(s).kind == VerdictKind::leak);
}

TEST_CASE("a small creep needs a long run, and the reasons say how long at the current rate") {
  // +6 MiB/h on 200 MiB over five minutes: 0.5 MiB, a quarter of the level's 1 %.
  const Verdict v = verdict_of(sample(300, 1, 0.05, [](double t) { return 200 + 6.0 * t / 3600; }));
  CHECK(v.kind == VerdictKind::inconclusive);
  CHECK(says(v, "at the current rate"));
  const std::string why = deciding_reason(v);
  CHECK(why.find("a verdict needs") != std::string::npos);
}

TEST_CASE("a long gap with memory at the same level after it does not split the series") {
  Series s = sample(1200, 1, 0.5, [](double t) { return 300 + 0.05 * t; });
  Series holed;
  for (std::size_t i = 0; i < s.t.size(); ++i) {
    if (s.t[i] > 500 && s.t[i] < 600) continue;  // the sampler could not reach it for 100 s
    holed.t.push_back(s.t[i]);
    holed.v.push_back(s.v[i]);
  }
  const Verdict v = verdict_of(holed);
  CHECK(v.kind == VerdictKind::leak);
  CHECK(v.segments.size() == 1);
  CHECK(says(v, "1 gap in the samples"));
}
