// The demo target's real recordings (bench/analysis/record_all.sh): the
// verdict on each matches how it was recorded.
#include <catch2/catch.hpp>
#include <fstream>

#include "analysis/analyzer.h"
#include "analysis/csv_series.h"
#include "analysis/verdict_words.h"
#include "common/csv.h"

using namespace lh::analysis;

namespace {

const std::string kDir = std::string(LH_SOURCE_DIR) + "/tests/analysis/recordings/";

Verdict verdict_on(const std::string& name) {
  std::ifstream in(kDir + name + ".csv");
  REQUIRE(in);
  auto s = read_series_csv(in, name, std::nullopt);
  std::ifstream events(kDir + name + ".events.csv");
  if (events) {
    const auto more = read_restart_events(events, name, s);
    s.restarts_s.insert(s.restarts_s.end(), more.begin(), more.end());
  }
  return analyze(analysis_input(s));
}

}  // namespace

TEST_CASE("every recording's verdict matches its label") {
  std::ifstream labels(kDir + "labels.csv");
  REQUIRE(labels);
  lh::CsvReader csv(labels);
  std::vector<std::string> row;
  REQUIRE(csv.next(row));
  int count = 0;
  while (csv.next(row)) {
    const std::string name = row[0].substr(0, row[0].size() - 4);
    const auto v = verdict_on(name);
    INFO(name << ": " << format_verdict(v));
    if (row[1] == "leak") {
      CHECK(v.kind == VerdictKind::leak);
    } else {
      CHECK(v.kind == VerdictKind::no_leak);
    }
    ++count;
  }
  CHECK(count == 11);
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
