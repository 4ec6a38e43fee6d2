// The live verdict as the desktop app and `run` see it, sample by sample:
// how soon after warm-up it says leak, for leaks from 1 % to 50 % of the
// level a minute, and how often it ever says leak on series that do not
// leak.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>

#include "analysis/analyzer.h"
#include "analysis/csv_series.h"
#include "analysis/verdict_words.h"
#include "labelled_recordings.h"
#include "sections.h"
#include "synthetic_series.h"

namespace lh::bench {
namespace {

constexpr double kWarmup_s = 20;     // the warm-up before each leak: +30 % of the level, tau 5 s
constexpr double kLevel = 200;       // MiB
constexpr double kLongest_s = 1800;  // a leak not called in half an hour counts as never

// A leak of `per_minute` of the level after a warm-up, sampled every second
// under AR(1) noise of 0.5 % (phi 0.5), each sample handed to a live
// analyzer and the verdict read after it: the seconds after warm-up until
// the verdict first says leak, and whether it then ever stops saying so.
struct Flip {
  std::optional<double> after_s;
  bool held = true;
};

Flip time_to_leak(double per_minute, bool uneven, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0, 1);
  std::gamma_distribution<double> burst(0.5, 2.0);  // mean 1, uneven
  analysis::LiveAnalyzer live("MiB");
  const double noise = 0.005 * kLevel, phi = 0.5, innovation = noise * std::sqrt(1 - phi * phi);
  double ar = 0, leaked = 0;
  Flip flip;
  for (double t = 0; t <= kWarmup_s + kLongest_s; t += 1) {
    ar = phi * ar + innovation * normal(rng);
    if (t > kWarmup_s) {
      const double mean_step = per_minute * kLevel / 60;
      leaked += uneven ? mean_step * burst(rng) : mean_step;
    }
    live.append(t, kLevel * (1 + 0.3 * (1 - std::exp(-t / 5))) + leaked + ar);
    const bool leak = live.verdict().kind == analysis::VerdictKind::leak;
    if (leak && !flip.after_s) flip.after_s = t - kWarmup_s;
    if (!leak && flip.after_s) flip.held = false;
    if (flip.after_s && t - kWarmup_s > *flip.after_s + 120) break;  // held for two minutes
  }
  return flip;
}

double median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

}  // namespace

void time_to_verdict(std::uint64_t seed) {
  constexpr int kTrials = 20;
  std::printf(
      "### Time to a live leak verdict\n\n"
      "A %g MiB service warms up for %g s (+30 %%, tau 5 s), then leaks the share of its level a minute below, "
      "sampled every second under AR(1) noise of 0.5 %% (phi 0.5); a live analyzer gets each sample and its "
      "verdict is read after each. Seconds after warm-up until it first says leak (median and 90th percentile "
      "of %d series), steady growth and growth in uneven bursts (a random walk with that drift).\n\n"
      "| leak, %% of level a minute | steady: median s | p90 s | called | held | uneven: median s | p90 s | called "
      "| held |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
      kLevel, kWarmup_s, kTrials);
  for (double percent : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0}) {
    std::printf("| %g |", percent);
    for (bool uneven : {false, true}) {
      std::vector<double> after;
      int held = 0;
      for (int i = 0; i < kTrials; ++i) {
        const Flip f = time_to_leak(percent / 100, uneven, seed + static_cast<std::uint64_t>(i));
        if (f.after_s) after.push_back(*f.after_s);
        held += f.after_s && f.held;
      }
      std::printf(" %.0f | %.0f | %zu/%d | %d/%zu |", median(after), quantile(after, 0.9), after.size(), kTrials, held,
                  after.size());
    }
    std::printf("\n");
  }
  std::printf("\n");
}

void live_false_alarms(std::uint64_t seed, int per_shape, bool list) {
  // Each no-leak series of the generated set, fed sample by sample; the
  // verdict is read about 600 times along it (every sample on short ones).
  const auto set = synth::generate_set(seed, per_shape);
  std::map<std::string, std::pair<int, int>> by_shape;  // alarms, series
  int alarms = 0, total = 0;
  for (const auto& s : set) {
    if (s.leak) continue;
    analysis::LiveAnalyzer live(s.unit, {}, !s.restarts_s.empty());
    std::size_t next_restart = 0;
    const std::size_t every = std::max<std::size_t>(1, s.t_s.size() / 600);
    bool alarm = false;
    for (std::size_t i = 0; i < s.t_s.size() && !alarm; ++i) {
      while (next_restart < s.restarts_s.size() && s.restarts_s[next_restart] <= s.t_s[i])
        live.add_restart(s.restarts_s[next_restart++]);
      live.append(s.t_s[i], s.values[i]);
      if (i % every != 0 && i + 1 != s.t_s.size()) continue;
      const auto v = live.verdict();
      alarm = v.kind == analysis::VerdictKind::leak;
      if (alarm && list)
        std::printf("ALARM %s (%s) at %.0fs of %.0fs: %s\n", s.name.c_str(), s.describe.c_str(), s.t_s[i], s.t_s.back(),
                    analysis::format_verdict(v).c_str());
    }
    auto& row = by_shape[std::string(synth::to_string(s.shape))];
    row.first += alarm;
    row.second += 1;
    alarms += alarm;
    ++total;
  }
  std::printf(
      "### Live false alarms\n\n"
      "Every series of the generated set that does not leak (seed %llu, %d per shape), fed to a live analyzer "
      "sample by sample and its verdict read about 600 times along it: a series counts as a false alarm if the "
      "verdict said leak at any of those moments. %d of %d series (%.1f %%).\n\n"
      "| shape | false alarms |\n| --- | --- |\n",
      static_cast<unsigned long long>(seed), per_shape, alarms, total, 100.0 * alarms / std::max(total, 1));
  for (const auto& [shape, row] : by_shape) std::printf("| %s | %d/%d |\n", shape.c_str(), row.first, row.second);
  std::printf("\n");
}

namespace {

// One recording fed to a live analyzer as `run` would feed it (restarts,
// request counts, samples in time order), its verdict read about 600 times
// along it (after every sample on short ones): when it first says leak, and
// for how long in all it says so (each read stands until the next).
struct LiveReads {
  std::optional<double> first_leak_s;
  double leak_s = 0;
};

LiveReads live_reads(const analysis::CsvSeries& s, bool list, const std::string& name,
                     const analysis::AnalysisParameters& params) {
  analysis::LiveAnalyzer live(s.unit, params, !s.restart_columns.empty());
  std::vector<double> restarts = s.restarts_s;
  std::sort(restarts.begin(), restarts.end());
  std::size_t next_restart = 0, next_request = 0;
  const std::size_t every = std::max<std::size_t>(1, s.t_s.size() / 600);
  LiveReads out;
  std::optional<double> leak_since;  // the read that said leak, while it stands
  for (std::size_t i = 0; i < s.t_s.size(); ++i) {
    while (next_restart < restarts.size() && restarts[next_restart] <= s.t_s[i])
      live.add_restart(restarts[next_restart++]);
    while (next_request < s.requests.size() && s.requests[next_request].t_s <= s.t_s[i]) {
      live.add_request_count(s.requests[next_request].t_s, s.requests[next_request].count);
      ++next_request;
    }
    live.append(s.t_s[i], s.values[i]);
    if (i % every != 0 && i + 1 != s.t_s.size()) continue;
    const double at = s.t_s[i] - s.t_s.front();
    if (leak_since) out.leak_s += at - *leak_since;
    leak_since.reset();
    if (live.verdict().kind != analysis::VerdictKind::leak) continue;
    leak_since = at;
    if (out.first_leak_s) continue;
    out.first_leak_s = at;
    if (list)
      std::printf("LIVE LEAK %s at %.0fs of %.0fs: %s\n", name.c_str(), at, s.t_s.back() - s.t_s.front(),
                  analysis::format_verdict(live.verdict()).c_str());
  }
  return out;
}

std::string fmt_s(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", s);
  return text;
}

}  // namespace

void live_on_recordings(const std::string& dir, const std::string& split, bool list,
                        const analysis::AnalysisParameters& params) {
  if (!std::filesystem::exists(dir + "/labels.csv")) {
    std::printf("(no recordings in %s)\n", dir.c_str());
    return;
  }
  const auto recordings = labelled::read_labelled_folder(dir, split);
  struct Row {
    bool leak = false;
    int series = 0, said_leak = 0;
    std::vector<double> after_s, for_s;
  };
  std::map<std::string, Row> by_shape;
  int alarms = 0, quiet = 0, called = 0, leaks = 0;
  double alarm_s = 0, quiet_s = 0;
  for (const auto& r : recordings) {
    const auto reads = live_reads(r.series, list && !r.leak, r.file, params);
    const auto& first = reads.first_leak_s;
    auto& row = by_shape[r.shape.empty() ? r.file : r.shape];
    row.leak = r.leak;
    ++row.series;
    if (first) {
      ++row.said_leak;
      row.after_s.push_back(*first);
      row.for_s.push_back(reads.leak_s);
    }
    if (!r.leak) {
      alarm_s += reads.leak_s;
      quiet_s += r.series.t_s.empty() ? 0 : r.series.t_s.back() - r.series.t_s.front();
    }
    (r.leak ? leaks : quiet) += 1;
    (r.leak ? called : alarms) += first ? 1 : 0;
  }
  std::printf(
      "### The live verdict on %s%s%s\n\n"
      "Each series fed to a live analyzer sample by sample, its verdict read about 600 times along it. "
      "No-leak series that said leak at any of those moments (live false alarms): %d of %d, saying it %.1f %% "
      "of their time. Leak series it called live before they ended: %d of %d.\n\n"
      "| shape | label | said leak live | first said, median s from start | no leak: said it for, median / "
      "longest s |\n| --- | --- | --- | --- | --- |\n",
      dir.c_str(), split == "all" ? "" : (" (" + split + " split)").c_str(),
      params.min_window_floor_s == analysis::AnalysisParameters{}.min_window_floor_s
          ? ""
          : (", min_window_fast " + fmt_s(params.min_window_floor_s) + " s").c_str(),
      alarms, quiet, 100.0 * alarm_s / std::max(quiet_s, 1.0), called, leaks);
  for (const auto& [shape, row] : by_shape) {
    const double longest = row.for_s.empty() ? NAN : *std::max_element(row.for_s.begin(), row.for_s.end());
    std::printf("| %s | %s | %d/%d | %.0f | %s |\n", shape.c_str(), row.leak ? "leak" : "no_leak", row.said_leak,
                row.series, median(row.after_s),
                row.leak || row.for_s.empty() ? "" : (fmt_s(median(row.for_s)) + " / " + fmt_s(longest)).c_str());
  }
  std::printf("\n");
}

}  // namespace lh::bench
