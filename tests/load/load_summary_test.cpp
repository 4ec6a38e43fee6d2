// The load summary's one JSON mapping: `bench --json`, the journal and
// summary.json write it, `report` and the PDF read it back.
#include <catch2/catch.hpp>
#include <cmath>

#include "load/load_summary.h"

using lh::load::LoadSummary;
using nlohmann::json;

namespace {

lh::load::LoadSnapshot finished_run() {
  lh::load::LoadSnapshot s;
  s.state = lh::load::RunState::finished;
  s.elapsed_s = 12.5;
  s.totals.started = 1000;
  s.totals.completed = 990;
  s.totals.aborted = 10;
  s.totals.status[200] = 950;
  s.totals.status[503] = 30;
  s.totals.non_2xx = 30;
  s.totals.failures[static_cast<std::size_t>(lh::load::FailureCause::timeout)] = 10;
  s.totals.connections_opened = 8;
  s.totals.bytes_received = 123456;
  s.totals.body_bytes_received = 100000;
  s.totals.bytes_sent = 54321;
  s.requests_per_second = 79.2;
  s.latency = {.count = 980, .p50_ms = 1.5, .p75_ms = 2, .p90_ms = 3, .p95_ms = 4, .p99_ms = 8, .p99_9_ms = 12,
               .min_ms = 0.4, .max_ms = 20, .mean_ms = 1.9};
  s.first_error = "Operation timed out after 30000 milliseconds";
  return s;
}

}  // namespace

TEST_CASE("the load summary's JSON has the documented keys") {
  lh::load::LoadPlan plan;
  plan.concurrency = 8;
  const json j = lh::load::summarize(plan, finished_run());
  for (const char* key : {"state", "duration_s", "concurrency", "rate", "started", "completed", "failed", "aborted",
                          "non_2xx", "requests_per_second", "latency_ms", "status_codes", "failures",
                          "connections_opened", "bytes_received", "body_bytes_received", "bytes_sent", "first_error"}) {
    CHECK(j.contains(key));
  }
  CHECK(j.size() == 18);
  CHECK(j["rate"].is_null());  // the closed model
  CHECK(j["failed"] == 10);
  CHECK(j["status_codes"] == json{{"200", 950}, {"503", 30}});
  CHECK(j["failures"] == json{{"connect", 0}, {"timeout", 10}, {"reset", 0}, {"read", 0}, {"length", 0}});
  CHECK(j["latency_ms"]["p99_9"] == 12);
}

TEST_CASE("the load summary reads back what it wrote") {
  lh::load::LoadPlan plan;
  plan.concurrency = 100;
  plan.rate = 250;
  const LoadSummary written = lh::load::summarize(plan, finished_run());
  const auto read = json::parse(json(written).dump()).get<LoadSummary>();
  CHECK(read.state == "finished");
  CHECK(read.duration_s == 12.5);
  CHECK(read.concurrency == 100);
  CHECK(read.rate == 250);
  CHECK(read.completed == 990);
  CHECK(read.failed == 10);
  CHECK(read.non_2xx == 30);
  CHECK(read.latency.p50_ms == 1.5);
  CHECK(read.latency.max_ms == 20);
  CHECK(read.status_codes == written.status_codes);
  CHECK(read.failures == written.failures);
  CHECK(read.bytes_sent == 54321);
  CHECK(read.first_error == written.first_error);
  CHECK(json(read) == json(written));
}

TEST_CASE("a load summary with nothing measured: nulls read back as not known") {
  lh::load::LoadSnapshot nothing;
  nothing.latency.p50_ms = std::nan("");
  const json j = lh::load::summarize(lh::load::LoadPlan{}, nothing);
  CHECK(j["first_error"].is_null());
  CHECK(j.dump().find("\"p50\":null") != std::string::npos);
  const auto read = j.get<LoadSummary>();
  CHECK_FALSE(read.first_error);
  CHECK_FALSE(read.rate);
  CHECK(std::isnan(read.latency.p50_ms));
  // A summary from an older LeakHound with fewer keys keeps the defaults.
  const auto partial = json{{"completed", 5}}.get<LoadSummary>();
  CHECK(partial.completed == 5);
  CHECK(partial.status_codes.empty());
  const json bad_code{{"status_codes", {{"OK", 1}}}};
  CHECK_THROWS_WITH(bad_code.get<LoadSummary>(), "status_codes: expected a status code, got \"OK\"");
}

TEST_CASE("a load summary's counts are whole numbers within their type, never a cast (a damaged journal)") {
  for (const char* text : {R"({"completed": 1e300})", R"({"completed": -1})", R"({"completed": 2.5})",
                           R"({"failures": {"connect": -3}})", R"({"status_codes": {"200": 1e30}})",
                           R"({"concurrency": 4294967296})"}) {
    INFO(text);
    CHECK_THROWS_WITH(json::parse(text).get<LoadSummary>(), Catch::Contains("expected a whole number"));
  }
  CHECK(json::parse(R"({"completed": 18446744073709551615})").get<LoadSummary>().completed == UINT64_MAX);
}
