// How many minutes of 1 Hz data a 10 %/h leak needs, and how fast the
// analysis runs on a long series and live.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include "analysis/analyzer.h"
#include "sections.h"
#include "synthetic_series.h"

namespace lh::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double share_flagged(double percent_per_hour, double minutes, double noise, std::uint64_t seed, int trials) {
  int flagged = 0;
  for (int i = 0; i < trials; ++i) {
    const auto s = synth::linear_leak(percent_per_hour, minutes, noise, seed + static_cast<std::uint64_t>(i));
    analysis::SeriesInput in{.t_s = s.t_s, .values = s.values, .unit = s.unit};
    if (analysis::analyze(in).kind == analysis::VerdictKind::leak) ++flagged;
  }
  return double(flagged) / trials;
}

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}
double median(std::vector<double> v) { return quantile(std::move(v), 0.5); }

}  // namespace

void minutes_to_flag(std::uint64_t seed) {
  constexpr int kTrials = 100;
  std::printf(
      "### Minutes of 1 Hz data to flag a 10 %%/h leak\n\n"
      "Linear growth of 10 %%/h of a 1 GiB level under AR(1) noise (phi 0.5), %d series per cell: the share "
      "the analyzer calls a leak, and beside it the share of flat series (same noise) it calls a leak.\n\n"
      "| minutes | noise 0.5 %%: leak found | false alarms | noise 2 %%: leak found | false alarms |\n"
      "| --- | --- | --- | --- | --- |\n",
      kTrials);
  for (double minutes : {2.0, 3.0, 4.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0, 45.0, 60.0}) {
    std::printf("| %.0f | %.2f | %.2f | %.2f | %.2f |\n", minutes, share_flagged(10, minutes, 0.5, seed, kTrials),
                share_flagged(0, minutes, 0.5, seed + 7777, kTrials), share_flagged(10, minutes, 2.0, seed, kTrials),
                share_flagged(0, minutes, 2.0, seed + 7777, kTrials));
  }
  std::printf("\n");
}

void speed() {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0, 2);
  constexpr std::size_t kSamples = 1'000'000;
  std::vector<double> t(kSamples), v(kSamples);
  for (std::size_t i = 0; i < kSamples; ++i) {
    t[i] = 0.1 * static_cast<double>(i);     // 10 Hz for ~28 h
    v[i] = 1024 + 0.02 * t[i] + noise(rng);  // 72 MiB/h
  }
  std::vector<double> whole;
  for (int round = 0; round < 7; ++round) {
    const auto start = Clock::now();
    analysis::SeriesInput in{.t_s = t, .values = v, .unit = "MiB"};
    const auto verdict = analysis::analyze(in);
    whole.push_back(ms_since(start));
    if (verdict.kind != analysis::VerdictKind::leak) std::printf("(unexpected verdict on the speed series)\n");
  }

  // The same length as a restart loop with no markers: restarted every 40 s
  // (25,000 segments read off the series), growing 300 MiB each time.
  std::vector<double> loop(kSamples);
  for (std::size_t i = 0; i < kSamples; ++i) loop[i] = 80 + 7.5 * std::fmod(t[i], 40.0) + noise(rng) * 0.1;
  std::vector<double> restarts;
  for (int round = 0; round < 7; ++round) {
    const auto start = Clock::now();
    const auto verdict = analysis::analyze(analysis::SeriesInput{.t_s = t, .values = loop, .unit = "MiB"});
    restarts.push_back(ms_since(start));
    if (verdict.kind != analysis::VerdictKind::leak) std::printf("(unexpected verdict on the restart loop)\n");
  }

  // Live: a day at 1 Hz, a verdict every 5 s as the desktop app asks.
  analysis::LiveAnalyzer live("MiB");
  std::vector<double> appends, verdicts;
  double worst_append = 0, worst_verdict_at = 0;
  for (std::size_t i = 0; i < 86400; ++i) {
    const auto start = Clock::now();
    live.append(static_cast<double>(i), 1024 + 0.001 * static_cast<double>(i) + noise(rng));
    const double took = ms_since(start);
    worst_append = std::max(worst_append, took);
    appends.push_back(took);
    if (i % 5 == 0 && i >= 600) {  // from 10 minutes on, when the buckets are full
      const auto vstart = Clock::now();
      (void)live.verdict();
      verdicts.push_back(ms_since(vstart));
      if (verdicts.back() >= *std::max_element(verdicts.begin(), verdicts.end()))
        worst_verdict_at = static_cast<double>(i);
    }
  }
  double append_total = 0;
  for (double a : appends) append_total += a;
  std::printf("### Speed\n\n| what | time |\n| --- | --- |\n");
  std::printf("| analyze(), 1,000,000 samples (median of 7) | %.1f ms |\n", median(whole));
  std::printf("| analyze(), 1,000,000 samples of a restart loop without markers (25,000 restarts) | %.1f ms |\n",
              median(restarts));
  std::printf("| LiveAnalyzer::append(), mean over a day at 1 Hz | %.2f µs |\n", 1000 * append_total / appends.size());
  std::printf("| LiveAnalyzer::append(), 99.9th percentile | %.3f ms |\n", quantile(appends, 0.999));
  std::printf("| LiveAnalyzer::append(), worst | %.3f ms |\n", worst_append);
  std::printf("| LiveAnalyzer::verdict() every 5 s after the first 10 minutes: fastest | %.3f ms |\n",
              *std::min_element(verdicts.begin(), verdicts.end()));
  std::printf("| LiveAnalyzer::verdict(): median | %.3f ms |\n", median(verdicts));
  std::printf("| LiveAnalyzer::verdict(): 99th percentile | %.3f ms |\n", quantile(verdicts, 0.99));
  std::printf("| LiveAnalyzer::verdict(): worst (at sample %.0f) | %.3f ms |\n\n", worst_verdict_at,
              *std::max_element(verdicts.begin(), verdicts.end()));
}

}  // namespace lh::bench
