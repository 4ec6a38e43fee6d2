// Real recordings of the seed services' Python stand-ins (tests/analysis/real,
// labelled from how each service was configured). Only the `tune` split is
// checked here: the analyzer was tuned on it, and a test that failed on the
// held-out splits would invite tuning on them (docs/BENCHMARKS.md reports those).
#include <catch2/catch.hpp>

#include "analysis/analyzer.h"
#include "analysis/csv_series.h"
#include "analysis/verdict_words.h"
#include "labelled_recordings.h"

using namespace lh::analysis;

namespace {

const std::string kDir = std::string(LH_SOURCE_DIR) + "/tests/analysis/real";

const lh::labelled::Recording& tune_recording(const std::string& file) {
  static const auto tune = lh::labelled::read_labelled_folder(kDir, "tune");
  for (const auto& r : tune)
    if (r.file == file) return r;
  FAIL("no tune recording " << file << " in " << kDir);
  return tune.front();
}

bool any_reason_has(const Verdict& v, std::string_view text) {
  for (const auto& line : reason_lines(v))
    if (line.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

// A no_leak recording passes with no_leak or inconclusive: a few minutes of
// a steady service cannot rule out a small leak, and saying so is right.
TEST_CASE("every real tune recording: leaks are called leaks, and nothing else is") {
  const auto tune = lh::labelled::read_labelled_folder(kDir, "tune");
  CHECK(tune.size() == 24);
  for (const auto& r : tune) {
    const auto v = analyze(analysis_input(r.series));
    INFO(r.file << ": " << format_verdict(v));
    CHECK((v.kind == VerdictKind::leak) == r.leak);
  }
}

TEST_CASE("the unbounded cache under full-speed ab is a leak within its first minute") {
  // The case 1: 60 s of a service that grows by half its level in
  // seconds; a person calls it a leak long before a fixed window would.
  const auto v = analyze(analysis_input(tune_recording("case1_unbounded_ab_60s.csv").series));
  INFO(format_verdict(v));
  CHECK(v.kind == VerdictKind::leak);
}

TEST_CASE("a restart loop kept as plain t_s,rss_mb: restarts read off the memory, and the leak they hide") {
  // The case 3: no pid, uptime or events, only memory falling back.
  const auto& r = tune_recording("case3_restart_loop_leak.plain.csv");
  CHECK(r.series.restart_columns.empty());
  const auto v = analyze(analysis_input(r.series));
  INFO(format_verdict(v));
  CHECK(v.kind == VerdictKind::leak);
  CHECK(v.restarts >= 3);
  CHECK(any_reason_has(v, "seen as memory falling back to where it started"));
  CHECK(any_reason_has(v, "the restarts hide it"));
}

TEST_CASE("a restart loop that keeps nothing, kept as plain t_s,rss_mb, is not called a leak") {
  const auto v = analyze(analysis_input(tune_recording("restart_loop_flat_20s.plain.csv").series));
  INFO(format_verdict(v));
  CHECK(v.kind != VerdictKind::leak);
}
