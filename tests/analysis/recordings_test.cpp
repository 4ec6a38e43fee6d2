// The demo target's real recordings (bench/analysis/record_all.sh): the
// verdict on each matches how it was recorded.
#include <catch2/catch.hpp>

#include "analysis/analyzer.h"
#include "analysis/csv_series.h"
#include "analysis/verdict_words.h"
#include "labelled_recordings.h"

using namespace lh::analysis;

namespace {

const std::string kDir = std::string(LH_SOURCE_DIR) + "/tests/analysis/recordings";

Verdict verdict_on(const std::string& name) {
  for (const auto& r : lh::labelled::read_labelled_folder(kDir))
    if (r.file == name + ".csv") return analyze(analysis_input(r.series));
  FAIL("no recording " << name << " in " << kDir);
  return {};
}

}  // namespace

TEST_CASE("every recording's verdict matches its label") {
  const auto recordings = lh::labelled::read_labelled_folder(kDir);
  for (const auto& r : recordings) {
    const auto v = analyze(analysis_input(r.series));
    INFO(r.file << ": " << format_verdict(v));
    CHECK(v.kind == (r.leak ? VerdictKind::leak : VerdictKind::no_leak));
  }
  CHECK(recordings.size() == 11);
}

TEST_CASE("the leaking restart loop reports its restarts and the growth between them") {
  const auto v = verdict_on("restart_loop_leak");
  CHECK(v.restarts >= 10);
  bool found = false;
  for (const auto& r : reason_lines(v)) found = found || r.find("restarts; grows about") != std::string::npos;
  CHECK(found);
}

TEST_CASE("a cache that is full and memory that grows on: the reason says so") {
  bool found = false;
  for (const auto& r : reason_lines(verdict_on("cache_then_leak"))) {
    found = found || r.starts_with("growth continues after the cache stopped growing at 00:0");
  }
  CHECK(found);
}

TEST_CASE("a 16 KiB leak per request shows as about 16 MiB per 1,000 requests") {
  const auto v = verdict_on("leak_16kb");
  REQUIRE(v.growth_per_1000_requests);
  CHECK(*v.growth_per_1000_requests == Approx(16.0).epsilon(0.15));
}
