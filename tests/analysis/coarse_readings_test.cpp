// Readings a service rounds coarsely ({"memory_usage_gb": 0.1}): they sit
// still while a leak smaller than one step grows under them, so they can
// never say "no leak" until a leak that counts would have added a step.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <random>
#include <variant>

#include "analysis/analyzer.h"
#include "analysis/csv_series.h"
#include "analysis/resolution.h"
#include "analysis/verdict_words.h"

using namespace lh::analysis;

namespace {

// A 300 MiB process, sampled every second for `seconds`, growing `mib_per_hour`
// under noise of `noise_mib`, as a service reports it in GiB rounded to
// `decimals` (or unrounded with decimals < 0).
Verdict read_rounded(double seconds, double mib_per_hour, double noise_mib, int decimals) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0, noise_mib);
  std::vector<double> t_s, values;
  for (double t = 0; t < seconds; t += 1) {
    double gib = (300 + mib_per_hour * t / 3600 + noise(rng)) / 1024;
    if (decimals >= 0) gib = std::round(gib * std::pow(10, decimals)) / std::pow(10, decimals);
    t_s.push_back(t);
    values.push_back(gib);
  }
  return analyze(SeriesInput{.t_s = t_s, .values = values, .unit = "GiB"});
}

}  // namespace

TEST_CASE("the step of readings that sit still, read off their decimals") {
  const std::vector<double> rounded{0.3, 0.3, 0.3, 0.4, 0.4, 0.4};
  REQUIRE(coarse_step(rounded));
  CHECK(*coarse_step(rounded) == Approx(0.1));
  const std::vector<double> whole{120, 120, 121, 121, 121};
  CHECK(*coarse_step(whole) == Approx(1));
  // Whole numbers the noise moves across steps: a trend still shows.
  const std::vector<double> dithering{120, 123, 119, 124, 121, 125};
  CHECK_FALSE(coarse_step(dithering));
  // A size in KiB / 1024 carries more decimals than any service rounds to.
  const std::vector<double> measured{34.7265625, 34.7265625, 34.73046875};
  CHECK_FALSE(coarse_step(measured));
  CHECK_FALSE(coarse_step(std::vector<double>{0.3}));
}

TEST_CASE("rounded to 0.1 GiB, fifteen flat minutes are not enough for no leak, and say why") {
  // Found on a real restart loop's /health figure rounded to one decimal:
  // "no_leak (confidence 1.00)" on a leak of 300 MiB a cycle.
  const Verdict coarse = read_rounded(900, 0, 0.2, 1);
  CHECK(coarse.kind == VerdictKind::inconclusive);
  REQUIRE(coarse.deciding);
  const auto* why = std::get_if<reason::CoarseReadings>(&coarse.reasons[*coarse.deciding]);
  REQUIRE(why);
  CHECK(why->step == Approx(0.1));
  CHECK_THAT(format_verdict(coarse), Catch::Contains("the readings come in steps of 102 MiB and mostly repeat"));

  // The same readings unrounded, or to 0.0001 GiB (0.1 MiB), are no leak.
  CHECK(read_rounded(900, 0, 0.2, -1).kind == VerdictKind::no_leak);
  CHECK(read_rounded(900, 0, 0.2, 4).kind == VerdictKind::no_leak);
  // A leak that climbs step after step in them is still a leak.
  CHECK(read_rounded(900, 2048, 0.2, 1).kind == VerdictKind::leak);
}

TEST_CASE("whole-MiB readings of a slow warm-up climb one MiB at a time, and that is no staircase") {
  // Two real warm-up tails read in whole MiB were called leaks: "memory
  // climbs in steps: 5 steps up of about 1.00 MiB, every 24s or so".
  for (const char* name : {"e2_warmup_tau43s.csv", "e4_warmup_tau50s.csv"}) {
    std::ifstream in(std::string(LH_SOURCE_DIR) + "/tests/analysis/real/" + name);
    CsvSeries s = read_series_csv(in, name, std::nullopt, std::nullopt);
    for (double& v : s.values) v = std::round(v);
    const Verdict v = analyze(SeriesInput{.t_s = s.t_s, .values = s.values, .unit = s.unit});
    INFO(name << ": " << format_verdict(v));
    CHECK(v.kind != VerdictKind::leak);
  }
  // Batches of 8 MiB every 45 s, in whole MiB too, are a staircase.
  std::vector<double> t_s, stairs;
  for (double t = 0; t < 330; t += 1) {
    t_s.push_back(t);
    stairs.push_back(std::round(80 + 8 * std::floor(t / 45)));
  }
  const Verdict batches = analyze(SeriesInput{.t_s = t_s, .values = stairs, .unit = "MiB"});
  INFO(format_verdict(batches));
  CHECK(batches.kind == VerdictKind::leak);
}
