// The live analyzer agrees with the whole-series one, however the samples,
// restarts and request counts arrive.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "analysis/analyzer.h"
#include "analysis/verdict_json.h"
#include "analysis/verdict_words.h"

using namespace lh::analysis;

namespace {

struct Data {
  std::vector<double> t, v, restarts;
  std::vector<RequestCount> requests;
};

Data restart_loop() {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> noise(0, 2);
  Data d;
  for (double t = 0; t < 3000; t += 1) {
    const double since = std::fmod(t, 700);
    d.t.push_back(t);
    d.v.push_back(t > 700 && since < 5 ? std::nan("") : 800 + 0.2 * since + noise(rng));
    if (static_cast<long>(t) % 10 == 0) d.requests.push_back({t, 7 * t});
  }
  d.restarts = {700, 1400, 2100, 2800};
  return d;
}

}  // namespace

TEST_CASE("live verdicts equal whole-series verdicts at every point of a run") {
  const Data d = restart_loop();
  LiveAnalyzer live("MiB");
  live.set_limit(4096.0);
  std::size_t next_restart = 0, next_request = 0;
  for (std::size_t i = 0; i < d.t.size(); ++i) {
    while (next_restart < d.restarts.size() && d.restarts[next_restart] <= d.t[i])
      live.add_restart(d.restarts[next_restart++]);
    while (next_request < d.requests.size() && d.requests[next_request].t_s <= d.t[i]) {
      live.add_request_count(d.requests[next_request].t_s, d.requests[next_request].count);
      ++next_request;
    }
    live.append(d.t[i], d.v[i]);
    if (i % 250 != 249) continue;
    const std::span<const double> t(d.t.data(), i + 1), v(d.v.data(), i + 1);
    const std::vector<double> restarts(d.restarts.begin(),
                                       d.restarts.begin() + static_cast<std::ptrdiff_t>(next_restart));
    const std::vector<RequestCount> requests(d.requests.begin(),
                                             d.requests.begin() + static_cast<std::ptrdiff_t>(next_request));
    const auto whole = analyze(SeriesInput{
        .t_s = t, .values = v, .unit = "MiB", .restarts_s = restarts, .requests = requests, .limit = 4096.0});
    INFO("after " << i + 1 << " samples");
    CHECK(to_json(live.fresh_verdict()) == to_json(whole));
  }
  CHECK(live.samples() == d.t.size());
  CHECK(live.verdict().kind == VerdictKind::leak);
}

TEST_CASE("a restart reported late rebuilds the buckets as if it had come in time") {
  const Data d = restart_loop();
  LiveAnalyzer live("MiB");
  for (std::size_t i = 0; i < d.t.size(); ++i) live.append(d.t[i], d.v[i]);
  for (double r : d.restarts) live.add_restart(r);  // all after the fact
  const auto whole = analyze(SeriesInput{.t_s = d.t, .values = d.v, .unit = "MiB", .restarts_s = d.restarts});
  CHECK(to_json(live.fresh_verdict()) == to_json(whole));
  CHECK(live.verdict().restarts == 4);
}

TEST_CASE("an empty live analyzer is inconclusive") {
  LiveAnalyzer live("MiB");
  const auto v = live.verdict();
  CHECK(v.kind == VerdictKind::inconclusive);
  CHECK_FALSE(v.has_estimate);
  CHECK(!v.reasons.empty());
}

TEST_CASE("a live leak verdict is not withdrawn for want of data, and is for evidence against it") {
  // Slow leaks (0.7-3 % of the level a minute) after a warm-up, 1 Hz, AR(1)
  // noise: the window a verdict needs depends on the growth's interval,
  // which wanders, and a late half slower than the whole by chance says
  // "slowing, a longer run will tell"; so the fresh verdict goes leak,
  // inconclusive for want of data, leak. The live one says leak once.
  std::size_t runs_wanting_data = 0, runs_withdrawn = 0;
  for (const double per_minute : {0.007, 0.01, 0.03}) {
    for (const std::uint64_t seed : {1, 2}) {
      INFO("leak " << per_minute * 100 << " % a minute, seed " << seed);
      std::mt19937_64 rng(seed);
      std::normal_distribution<double> normal(0, 1);
      LiveAnalyzer live("MiB");
      const double level = 200, innovation = 0.005 * level * std::sqrt(1 - 0.25);
      double ar = 0, leaked = 0;
      bool said = false, fresh_wanted_data = false, withdrawn = false;
      for (double t = 0; t <= 300; t += 1) {
        ar = 0.5 * ar + innovation * normal(rng);
        if (t > 20) leaked += per_minute * level / 60;
        live.append(t, level * (1 + 0.3 * (1 - std::exp(-t / 5))) + leaked + ar);
        const auto fresh = live.fresh_verdict();
        const auto shown = live.verdict();
        if (said) {
          INFO("t = " << t << ": " << deciding_reason(fresh));
          // Withdrawn only on evidence against it (here: a curve levelling
          // off, read once on a 1 %-a-minute leak while it had added 3 MiB).
          if (shown.kind != VerdictKind::leak) {
            const auto& why = fresh.reasons[*fresh.deciding];
            CHECK_FALSE(std::holds_alternative<reason::TooLittle>(why));
            CHECK_FALSE(std::holds_alternative<reason::Bending>(why));
            CHECK_FALSE(std::holds_alternative<reason::Slowing>(why));
            CHECK_FALSE(std::holds_alternative<reason::NoSteadyTrend>(why));
            withdrawn = true;
          }
          fresh_wanted_data = fresh_wanted_data || fresh.kind == VerdictKind::inconclusive;
        }
        said = said || shown.kind == VerdictKind::leak;
      }
      CHECK(said);
      runs_wanting_data += fresh_wanted_data ? 1 : 0;
      runs_withdrawn += withdrawn ? 1 : 0;

      // Then the growth stops: the flat stretch withdraws the leak.
      for (double t = 301; t <= 1500; t += 1) {
        ar = 0.5 * ar + innovation * normal(rng);
        live.append(t, level * 1.3 + leaked + ar);
      }
      CHECK(live.verdict().kind != VerdictKind::leak);
    }
  }
  CHECK(runs_wanting_data >= 2);  // the case the hold is for did occur
  CHECK(runs_withdrawn <= 1);
}

TEST_CASE("a trend the whole window shows and its earlier part not yet is told as evidence still arriving") {
  const auto unit = std::string_view("MiB");
  const std::string arriving = describe(reason::NoSteadyTrend{0.0004, 90.0, 0.08}, unit);
  CHECK(arriving.find("upward over the window (p < 0.001)") != std::string::npos);
  CHECK(arriving.find("not yet without its last quarter (p = 0.080)") != std::string::npos);
  const std::string absent = describe(reason::NoSteadyTrend{0.2, 90.0, std::nullopt}, unit);
  CHECK(absent.find("not a steady upward trend (p = 0.200)") != std::string::npos);
}

TEST_CASE("a slow warm-up's tail is not a live leak once it bends, however often its cut leaves too little data") {
  // A vocabulary filling toward its size (τ 16 minutes), read every 2 s for
  // three hours under AR(1) noise. Its first minutes climb like a leak and
  // may be called one; once the curve shows, the leak must go and stay gone:
  // the hold of a leak said earlier must not keep it (the window, cut after
  // each warm-up it finds, has "too little data" again and again), and the
  // curve must be read from one time constant on, its tau fitted finely.
  // Before: said leak for 31-32 minutes in all.
  const double tau = 950, level = 150, amplitude = 62;
  for (const std::uint64_t seed : {1, 2, 3}) {
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0, 1);
    LiveAnalyzer live("MiB");
    double ar = 0, last_leak_s = -1, said_s = 0;
    for (double t = 0; t <= 3 * 3600; t += 2) {
      ar = 0.23 * ar + 0.4 * normal(rng);
      live.append(t, level + amplitude * (1 - std::exp(-t / tau)) + ar);
      if (static_cast<long>(t) % 20 == 0 && live.verdict().kind == VerdictKind::leak) {
        last_leak_s = t;
        said_s += 20;
      }
    }
    CHECK(said_s < 1.25 * tau);
    CHECK(last_leak_s < 4.5 * tau);
    CHECK(live.fresh_verdict().kind != VerdictKind::leak);
  }
}

TEST_CASE("a fast warm-up called a leak early is let go once its bend has shown as long as the leak's window") {
  // A vocabulary filling under steady load (τ 50 s, +85 MiB on 35 MiB), read
  // every second: its first 20 s climb fast enough for an early call, and
  // from then on the growth bends down, which is evidence, not want of data.
  // Before: the bend was held as "too early to tell" and the leak kept for
  // about 90 s, until the curve's fit settled it.
  const double tau = 50;
  for (const std::uint64_t seed : {1, 2, 3}) {
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0, 0.05);
    LiveAnalyzer live("MiB");
    double said_s = 0;
    for (double t = 0; t <= 300; t += 1) {
      live.append(t, 35 + 85 * (1 - std::exp(-t / tau)) + noise(rng));
      if (live.verdict().kind == VerdictKind::leak) said_s += 1;
    }
    CHECK(said_s <= 40);
    CHECK(live.verdict().kind != VerdictKind::leak);
  }
}
