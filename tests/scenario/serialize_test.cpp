// Writing scenarios back: stable key order, nothing lost, round trips.
#include <catch2/catch.hpp>

#include "scenario/parse.h"
#include "scenario/serialize.h"
#include "scenario_texts.h"

using namespace lh::scenario;

TEST_CASE("a file in the writer's order is written back byte for byte") {
  const Scenario s = read_scenario(lh::test::kEveryKey);
  CHECK(to_text(s) == lh::test::kEveryKey);
}

TEST_CASE("reading what was written gives the same scenario") {
  for (const char* text : {lh::test::kEveryKey, lh::test::kSmallest}) {
    const Scenario s = read_scenario(text);
    CHECK(read_scenario(to_text(s)) == s);
  }
}

TEST_CASE("keys come out in the documented order whatever order they were read in") {
  const Scenario s = read_scenario(R"({
    "report": {"series": ["a"], "title": "t"},
    "load": {"count": 5, "requests": [{"weight": 2, "body": {"z": 1, "a": [true, null, 1.5]}, "path": "/p", "method": "PUT"}]},
    "probes": {"interval": "2s", "sources": [{"headers": {"B": "2", "A": "1"}, "source": "http://h:1/x"}]},
    "target": "http://h:1",
    "leakhound_scenario": 1
  })");
  CHECK(to_json(s).dump() ==
        R"({"leakhound_scenario":1,"target":"http://h:1",)"
        R"("probes":{"sources":[{"source":"http://h:1/x","headers":{"B":"2","A":"1"}}],"interval":"2s"},)"
        R"("load":{"requests":[{"method":"PUT","path":"/p","body":{"z":1,"a":[true,null,1.5]},"weight":2}],"count":5},)"
        R"("report":{"title":"t","series":["a"]}})");
}

TEST_CASE("whole numbers are written as typed, and edits show in the output") {
  Scenario s = read_scenario(lh::test::kSmallest);
  s.load->rate = 200.0;
  s.load->requests[0].weight = 0.25;
  s.load->stages.push_back({"10m", 50.0});
  s.leak.min_growth_percent_per_hour = 3.0;
  s.probes.sources.push_back({"port:8000", "service", {}});
  const auto j = to_json(s);
  CHECK(j["load"]["rate"].dump() == "200");
  CHECK(j["load"]["requests"][0]["weight"].dump() == "0.25");
  CHECK(j["load"]["stages"][0].dump() == R"({"duration":"10m","target":50})");
  CHECK(j["leak"].dump() == R"({"min_growth_percent_per_hour":3})");
  CHECK(j["probes"]["sources"].dump() == R"(["/memory-stats",{"source":"port:8000","label":"service"}])");
  CHECK(read_scenario(to_text(s)) == s);
}

TEST_CASE("empty sections are left out") {
  Scenario s;
  CHECK(to_json(s).dump() == R"({"leakhound_scenario":1})");
  CHECK(to_text(s) == "{\n  \"leakhound_scenario\": 1\n}\n");
}
