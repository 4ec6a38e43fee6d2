// A Locust master's statistics as LeakHound reads them: /stats/requests as
// Locust 2.12 answers it, its CSV's Aggregated row, and answers no master
// should give (a proxy's page, nesting, counts that are no counts), each
// refused in one line.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "common/input_error.h"
#include "locust/locust_settings.h"
#include "locust/locust_stats.h"

using namespace lh::locust;

namespace {

// /stats/requests of a Locust 2.12 master with two workers, as it answered
// mid-run (trimmed to two entries and one error).
constexpr const char* kAnswer = R"JSON({"stats": [
  {"method": "POST", "name": "English text", "safe_name": "English text", "num_requests": 300, "num_failures": 0,
   "avg_response_time": 2.1, "min_response_time": 1, "max_response_time": 19, "current_rps": 30.5,
   "current_fail_per_sec": 0, "median_response_time": 2, "ninetieth_response_time": 3,
   "ninety_ninth_response_time": 9, "avg_content_length": 120},
  {"method": "", "name": "Aggregated", "safe_name": "Aggregated", "num_requests": 412, "num_failures": 7,
   "avg_response_time": 2.5, "min_response_time": 1, "max_response_time": 31, "current_rps": 40.1,
   "current_fail_per_sec": 0.2, "median_response_time": 2, "ninetieth_response_time": 4,
   "ninety_ninth_response_time": 12, "avg_content_length": 118}],
  "errors": [{"method": "POST", "name": "German text", "error": "HTTPError('500 Server Error: for url: /segment')", "occurrences": 5},
             {"method": "POST", "name": "German text", "error": "ConnectionRefusedError(111, 'Connection refused')", "occurrences": 2}],
  "total_rps": 40.1, "fail_ratio": 0.017, "current_response_time_percentile_95": 6, "current_response_time_percentile_50": 3,
  "workers": [{"id": "a", "state": "running", "user_count": 2, "cpu_usage": 12, "memory_usage": 4},
              {"id": "b", "state": "running", "user_count": 2, "cpu_usage": 11, "memory_usage": 4}],
  "state": "running", "user_count": 4})JSON";

std::string refusal(const std::string& body) {
  try {
    read_stats_json(body);
  } catch (const lh::InputError& e) {
    return e.what();
  }
  return "(read)";
}

}  // namespace

TEST_CASE("locust stats: a 2.12 master's answer gives the totals, the latencies and the failures by cause") {
  const LocustStats s = read_stats_json(kAnswer);
  CHECK(s.state == "running");
  CHECK(s.user_count == 4);
  CHECK(s.workers == 2);
  CHECK(s.requests == 412);
  CHECK(s.failures == 7);
  CHECK(s.http_failures == 5);
  CHECK(s.connect_failures == 2);
  CHECK(s.timeout_failures == 0);
  CHECK(s.current_rps == Approx(40.1));
  CHECK(s.current_p50_ms == 3);
  CHECK(s.current_p95_ms == 6);
  CHECK(s.p50_ms == 2);
  CHECK(s.p90_ms == 4);
  CHECK(s.p99_ms == 12);
  CHECK(s.max_ms == 31);
  CHECK(s.first_error == "HTTPError('500 Server Error: for url: /segment')");
}

TEST_CASE("locust stats: a master that has sent nothing yet has no latencies") {
  const LocustStats s = read_stats_json(R"({"stats": [{"name": "Aggregated", "num_requests": 0, "num_failures": 0,
    "median_response_time": null, "max_response_time": 0, "current_rps": 0}], "errors": [], "state": "ready",
    "user_count": 0, "current_response_time_percentile_50": null})");
  CHECK(s.requests == 0);
  CHECK(std::isnan(s.p50_ms));
  CHECK(std::isnan(s.current_p50_ms));
  CHECK(s.state == "ready");
}

TEST_CASE("locust stats: answers no master gives are refused in one line") {
  CHECK(refusal("<html>502 Bad Gateway</html>") == "not a JSON object: \"<html>502 Bad Gateway</html>\"");
  CHECK(refusal("{}") == "no \"stats\" list");
  CHECK(refusal(R"({"stats": [{"num_requests": -3}]})") == "\"num_requests\": expected a count, got \"-3\"");
  CHECK(refusal(R"({"stats": [{"num_requests": 1.5}]})") == "\"num_requests\": expected a count, got \"1.5\"");
  CHECK(refusal(R"({"stats": [{"num_requests": 1, "avg_response_time": "fast"}]})") ==
        "\"avg_response_time\": expected a number >= 0, got \"\\\"fast\\\"\"");
  // Text where Locust writes text (fuzz find: a number as the state threw json's own type_error).
  CHECK(refusal(R"({"stats": [], "state": 4})") == "\"state\": expected a text, got \"4\"");
  CHECK(refusal(R"({"stats": [], "errors": [{"error": ["x"], "occurrences": 1}]})") ==
        "\"error\": expected a text, got \"[\\\"x\\\"]\"");
  CHECK(refusal(std::string(10000, '[') + std::string(10000, ']')) == "nested deeper than 8 levels");
  CHECK(refusal(std::string(kMaxStatsBytes + 1, ' ')).starts_with("the answer is larger than"));
  for (const auto& line : {refusal("{\"stats\": [{\"num_requests\": \"a\\nb\"}]}"), refusal("\n\n")}) {
    CHECK(line.find('\n') == std::string::npos);
  }
}

TEST_CASE("locust stats: the CSV's Aggregated row gives the final totals") {
  std::istringstream csv(
      "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,"
      "Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
      "POST,\"a, \"\"quoted\"\" name\",600,2,2,2.4,1,40,118,30,0.1,2,3,3,3,4,6,8,11,30,40,40\n"
      ",Aggregated,812,9,2,2.6,1,41,118,40.1,0.4,2,3,3,3,4,6,8,12,31,41,41\n");
  const auto s = read_stats_csv(csv);
  REQUIRE(s);
  CHECK(s->requests == 812);
  CHECK(s->failures == 9);
  CHECK(s->p50_ms == 2);
  CHECK(s->p90_ms == 4);
  CHECK(s->p99_ms == 12);
  CHECK(s->max_ms == 41);
  std::istringstream empty("Type,Name,Request Count,Failure Count\n");
  CHECK_FALSE(read_stats_csv(empty));
  std::istringstream other("a,b\n1,2\n");
  CHECK_THROWS_WITH(read_stats_csv(other), "not Locust's stats CSV: no \"Name\" column");
}

TEST_CASE("locust settings: workers within range, a master URL, a file to run") {
  CHECK(check({.workers = 2, .master_url = "", .locustfile = "x"}).empty());
  CHECK(check({.workers = 0, .master_url = "", .locustfile = "x"}) ==
        lh::Problems{{"workers", "expected 1 to 64 workers, got 0"}});
  CHECK(check({.workers = 1, .master_url = "http://locust-master:8089", .locustfile = ""}).empty());
  CHECK(check({.workers = 1, .master_url = "", .locustfile = ""}) == lh::Problems{{"", "no locustfile to run"}});
  CHECK(check({.workers = 1, .master_url = "ftp://x", .locustfile = ""}).size() == 1);
}
