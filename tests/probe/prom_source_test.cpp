// The prom: source in the sampler against an in-test server that answers
// as Prometheus does, then as it does when things go wrong: every error
// answer is an event with the server's message, and the source goes on.
#include <catch2/catch.hpp>

#include <atomic>

#include "loopback_server.h"
#include "probe/sampler.h"
#include "probe_helpers.h"

using namespace lh::probe;
using lh::EventKind;
using lh::test::events_of;
using std::chrono::milliseconds;
using lh::test::wait_until;

namespace {

constexpr const char* kTwoPods = R"({"status":"success","data":{"resultType":"vector","result":[
  {"metric":{"__name__":"container_memory_working_set_bytes","pod":"seg-7f9c8d6b5-x2k4q","id":"/a"},"value":[1,"1.5e+08"]},
  {"metric":{"__name__":"container_memory_working_set_bytes","pod":"seg-7f9c8d6b5-b2c4d","id":"/b"},"value":[1,"2.5e+08"]}]}})";

ProbeConfig prom_config(const std::string& url) {
  ProbeConfig config;
  config.sources.push_back(parse_source_spec("prom:" + url));
  config.sources[0].query = "container_memory_working_set_bytes{namespace=\"seg\"}";
  config.interval = lh::Seconds(0.1);
  config.timeout = lh::Seconds(2);
  return config;
}

}  // namespace

TEST_CASE("prom: each series of the answer is a series: error answers are events with the server's message") {
  std::atomic<int> answers = 0;
  std::atomic<bool> asked_right = true;
  lh::test::LoopbackServer server([&](httplib::Server& s) {
    s.Get("/api/v1/query", [&](const httplib::Request& req, httplib::Response& res) {
      if (req.get_param_value("query") != "container_memory_working_set_bytes{namespace=\"seg\"}") asked_right = false;
      const int n = answers++;
      if (n == 3) {
        res.status = 400;
        res.set_content(R"({"status":"error","errorType":"bad_data","error":"parse error:\nunexpected \"}\""})",
                        "application/json");
      } else if (n == 5) {
        res.status = 502;
        res.set_content("<html><body>Bad Gateway</body></html>", "text/html");
      } else if (n == 7) {
        res.set_content(R"({"status":"success","data":{"resultType":"vector","result":[]}})", "application/json");
      } else {
        res.set_content(kTwoPods, "application/json");
      }
    });
  });
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(prom_config(server.url("")), clock, store);
  sampler.start();
  REQUIRE(wait_until([&] { return answers.load() >= 10; }, milliseconds(20000)));
  sampler.stop();
  CHECK(asked_right);

  std::vector<std::string> names;
  for (SeriesId id : store.series_in(sampler.group())) names.push_back(store.series(id).name);
  CHECK(names == std::vector<std::string>{"pod=seg-7f9c8d6b5-x2k4q", "pod=seg-7f9c8d6b5-b2c4d"});
  const auto memory = lh::test::values_of(store, "pod=seg-7f9c8d6b5-b2c4d");
  CHECK(memory.front() == 2.5e8);
  REQUIRE(store.watched_memory());
  CHECK(store.series(*store.watched_memory()).is_memory());

  const std::string source = sampler.config().sources[0].label;
  CHECK(source == "prom:127.0.0.1:" + std::to_string(server.port()));
  const auto bad = events_of(store, source, EventKind::bad_response);
  REQUIRE(bad.size() >= 3);
  CHECK(bad[0].detail == R"(HTTP 400 bad_data: "parse error:\nunexpected \"}\"")");
  CHECK(bad[1].detail == R"(HTTP 502: "<html><body>Bad Gateway</body></html>")");
  CHECK(bad[2].detail == "the query matched no series");
  CHECK(events_of(store, source, EventKind::recovered).size() >= 3);
  // No restart: the pods kept their names.
  for (const auto& e : store.read_events(0).events) CHECK(e.kind != EventKind::restart);
}

TEST_CASE("prom: basic auth and extra headers are sent: a refusal is an event") {
  std::atomic<int> refused = 0, served = 0;
  lh::test::LoopbackServer server([&](httplib::Server& s) {
    s.Get("/api/v1/query", [&](const httplib::Request& req, httplib::Response& res) {
      // "lh:pw" in base64.
      if (req.get_header_value("Authorization") != "Basic bGg6cHc=" || req.get_header_value("X-Scope-OrgID") != "team") {
        ++refused;
        res.status = 401;
        res.set_content("Unauthorized\n", "text/plain");
        return;
      }
      ++served;
      res.set_content(kTwoPods, "application/json");
    });
  });
  SECTION("with the credentials") {
    auto config = prom_config(server.url(""));
    config.sources[0].basic_auth = BasicAuth{"lh", "pw"};
    config.sources[0].headers = {"X-Scope-OrgID: team"};
    lh::SessionClock clock;
    SeriesStore store;
    Sampler sampler(config, clock, store);
    sampler.start();
    REQUIRE(wait_until([&] { return served.load() >= 2; }, milliseconds(20000)));
    sampler.stop();
    CHECK(refused == 0);
    CHECK(store.series_in(sampler.group()).size() == 2);
  }
  SECTION("without") {
    lh::SessionClock clock;
    SeriesStore store;
    Sampler sampler(prom_config(server.url("")), clock, store);
    sampler.start();
    REQUIRE(wait_until([&] { return refused.load() >= 2; }, milliseconds(20000)));
    sampler.stop();
    const auto bad = events_of(store, sampler.config().sources[0].label, EventKind::bad_response);
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].detail == R"(HTTP 401: "Unauthorized\n")");
  }
}
