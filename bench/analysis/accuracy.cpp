// Precision, recall and F1 of the analyzer and the two baselines on labelled
// series: generated ones, and the demo-target recordings.
#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "analysis/analyzer.h"
#include "analysis/csv_series.h"
#include "analysis/verdict_words.h"
#include "baselines.h"
#include "labelled_recordings.h"
#include "scores.h"
#include "sections.h"
#include "synthetic_series.h"

namespace lh::bench {
namespace {

struct Tally {
  Scores analyzer, least_squares, mann_kendall;
  int inconclusive = 0;
};

void print(const Tally& t, int total) {
  std::printf("%s\n", Scores::header());
  std::printf("%s\n", t.analyzer.row("LeakHound analyzer").c_str());
  std::printf("%s\n", t.least_squares.row("least squares, R² >= 0.5").c_str());
  std::printf("%s\n", t.mann_kendall.row("Mann–Kendall + Sen slope").c_str());
  std::printf("\nThe analyzer said inconclusive on %d of %d series (counted as not leak).\n", t.inconclusive, total);
}

}  // namespace

void accuracy_on_generated(std::uint64_t seed, int per_shape, bool list_misses) {
  const auto set = synth::generate_set(seed, per_shape);
  Tally all;
  std::map<std::string, std::array<int, 4>> by_shape;  // leak, no_leak, inconclusive, right
  for (const auto& s : set) {
    std::vector<analysis::RequestCount> requests;
    for (const auto& r : s.requests) requests.push_back({r.t_s, r.count});
    analysis::SeriesInput in{
        .t_s = s.t_s,
        .values = s.values,
        .unit = s.unit,
        .restarts_s = s.restarts_s,
        .restarts_known = !s.restarts_s.empty(),
        .requests = requests};
    const auto v = analysis::analyze(in);
    const bool said = v.kind == analysis::VerdictKind::leak;
    all.analyzer.add(said, s.leak);
    all.least_squares.add(least_squares_says_leak(s.t_s, s.values), s.leak);
    all.mann_kendall.add(mann_kendall_sen_says_leak(s.t_s, s.values), s.leak);
    if (v.kind == analysis::VerdictKind::inconclusive) ++all.inconclusive;
    auto& row = by_shape[std::string(synth::to_string(s.shape))];
    row[static_cast<int>(v.kind)]++;
    if (said == s.leak) row[3]++;
    if (list_misses && said != s.leak) {
      std::printf("MISS %s (%s): %s  %s\n", s.name.c_str(), s.leak ? "leak" : "no leak", s.describe.c_str(),
                  analysis::format_verdict(v).c_str());
    }
  }
  std::printf("### Generated series (seed %llu, %d per shape, %zu series)\n\n", static_cast<unsigned long long>(seed),
              per_shape, set.size());
  print(all, static_cast<int>(set.size()));
  std::printf("\n| shape | label | leak | no_leak | inconclusive | right |\n| --- | --- | --- | --- | --- | --- |\n");
  for (auto shape : synth::all_shapes()) {
    const auto& row = by_shape[std::string(synth::to_string(shape))];
    std::printf("| %s | %s | %d | %d | %d | %d/%d |\n", std::string(synth::to_string(shape)).c_str(),
                synth::is_leak(shape) ? "leak" : "no leak", row[0], row[1], row[2], row[3], per_shape);
  }
  std::printf("\n");
}

namespace {

// The live verdict along a recording, as `run` and the desktop app read it
// (after every sample): when it first says leak, if ever.
std::optional<double> first_live_leak(const analysis::CsvSeries& s) {
  analysis::LiveAnalyzer live(s.unit, {}, !s.restart_columns.empty());
  std::vector<double> restarts = s.restarts_s;
  std::sort(restarts.begin(), restarts.end());
  std::size_t next = 0;
  for (std::size_t i = 0; i < s.t_s.size(); ++i) {
    while (next < restarts.size() && restarts[next] <= s.t_s[i]) live.add_restart(restarts[next++]);
    for (const auto& r : s.requests)
      if (r.t_s <= s.t_s[i] && (i == 0 || r.t_s > s.t_s[i - 1])) live.add_request_count(r.t_s, r.count);
    live.append(s.t_s[i], s.values[i]);
    if (live.verdict().kind == analysis::VerdictKind::leak) return s.t_s[i] - s.t_s.front();
  }
  return std::nullopt;
}

std::string seconds_text(std::optional<double> s) {
  if (!s) return "never";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f s", *s);
  return buf;
}

}  // namespace

void accuracy_on_recordings(const std::string& dir, const std::string& split, bool list_misses) {
  if (!std::filesystem::exists(dir + "/labels.csv")) {
    std::printf("(no recordings in %s)\n", dir.c_str());
    return;
  }
  const auto recordings = labelled::read_labelled_folder(dir, split);
  // Long sets (the holdout series) are shown per shape, short ones per file.
  const bool per_file = recordings.size() <= 60;
  Tally all;
  std::map<std::string, std::array<int, 4>> by_shape;  // leak, no_leak, inconclusive, right
  std::printf("### Recordings in %s%s\n\n", dir.c_str(), split == "all" ? "" : (" (" + split + " split)").c_str());
  if (per_file)
    std::printf(
        "| recording | label | analyzer | live: first says leak | least squares | Mann–Kendall |\n"
        "| --- | --- | --- | --- | --- | --- |\n");
  std::vector<std::string> notes;
  for (const auto& r : recordings) {
    const auto& s = r.series;
    const auto v = analysis::analyze(analysis::analysis_input(s));
    const bool said = v.kind == analysis::VerdictKind::leak;
    const bool ls = least_squares_says_leak(s.t_s, s.values), mk = mann_kendall_sen_says_leak(s.t_s, s.values);
    all.analyzer.add(said, r.leak);
    all.least_squares.add(ls, r.leak);
    all.mann_kendall.add(mk, r.leak);
    if (v.kind == analysis::VerdictKind::inconclusive) ++all.inconclusive;
    auto& shape = by_shape[r.shape.empty() ? "-" : r.shape];
    ++shape[static_cast<std::size_t>(v.kind)];
    if (said == r.leak) ++shape[3];
    if (per_file)
      std::printf("| %s | %s | %s | %s | %s | %s |\n", r.file.c_str(), r.leak ? "leak" : "no_leak",
                  std::string(analysis::to_string(v.kind)).c_str(), seconds_text(first_live_leak(s)).c_str(),
                  ls ? "leak" : "no_leak", mk ? "leak" : "no_leak");
    if (list_misses && said != r.leak) notes.push_back(r.file + ": " + analysis::format_verdict(v));
  }
  std::printf("\n");
  print(all, static_cast<int>(recordings.size()));
  if (!per_file) {
    std::printf("\n| shape | leak | no_leak | inconclusive | right |\n| --- | --- | --- | --- | --- |\n");
    for (const auto& [name, row] : by_shape)
      std::printf("| %s | %d | %d | %d | %d/%d |\n", name.c_str(), row[0], row[1], row[2], row[3],
                  row[0] + row[1] + row[2]);
  }
  for (const auto& n : notes) std::printf("%s", n.c_str());
  std::printf("\n");
}

}  // namespace lh::bench
