// An ab command line's options as a scenario: the same load as bench
// would send for them, with secrets kept as references.
#include <catch2/catch.hpp>
#include <map>

#include "common/input_error.h"
#include "scenario/import_ab.h"
#include "scenario/resolve.h"
#include "scenario/serialize.h"
#include "temp_dir.h"
#include "fake_env.h"

using namespace lh::scenario;
using lh::test::fake_env;
using lh::load::AbOptions;
using lh::test::TempDir;

namespace {

// ab -n 1000 -c 50 -k -p body.json -T application/json URL, with the body
// in `dir`.
AbOptions segment_options(const TempDir& dir) {
  AbOptions o;
  o.requests = "1000";
  o.concurrency = "50";
  o.keep_alive = true;
  o.post_file = (dir.path() / "body.json").string();
  o.content_type = "application/json";
  o.url = "http://127.0.0.1:8001/segment?lang=en";
  return o;
}

}  // namespace

TEST_CASE("the target is the URL's origin, the request's path its path, the body file relative to the scenario") {
  TempDir dir;
  dir.write("body.json", R"({"text": "One. Two."})");
  const auto imported = scenario_from_ab(segment_options(dir), {"segmentation=/memory-stats", "port:8001"}, dir.path() / "scenarios");
  const Scenario& s = imported.scenario;
  CHECK(to_json(s).dump() ==
        R"({"leakhound_scenario":1,"target":"http://127.0.0.1:8001",)"
        R"("probes":{"sources":["segmentation=/memory-stats","port:8001"]},)"
        R"("load":{"requests":[{"method":"POST","path":"/segment?lang=en","body_file":"../body.json",)"
        R"("content_type":"application/json"}],"concurrency":50,"count":1000,"check_length":true}})");
  CHECK(imported.notes.empty());
}

TEST_CASE("the imported scenario resolves to the very plan bench makes from the same options") {
  TempDir dir;
  dir.write("body.json", "{}");
  const std::vector<AbOptions> cases = [&] {
    std::vector<AbOptions> c;
    c.push_back(segment_options(dir));
    AbOptions head;
    head.head = true;
    head.timelimit = "60";
    head.timeout = "2.5";
    head.concurrency = "4";
    head.variable_length = true;
    head.headers = {"Accept: text/html", "X-Trace: 1"};
    head.cookies = {"a=1"};
    head.url = "https://user:pw@example.org:8443/";
    c.push_back(head);
    AbOptions put;
    put.put_file = (dir.path() / "body.json").string();
    put.method = "PATCH";
    put.requests = "10";
    put.url = "http://[::1]:8080/items/7";
    c.push_back(put);
    return c;
  }();
  for (const auto& options : cases) {
    INFO(options.url);
    const auto bench = lh::load::plan_from_ab(options);
    const auto imported = scenario_from_ab(options, {"port:8001"}, dir.path());
    const auto resolved = resolve_collecting(imported.scenario, dir.path());
    INFO(to_text(imported.scenario));
    REQUIRE(resolved.ok());
    REQUIRE(resolved.plan.load);
    const auto& plan = *resolved.plan.load;
    REQUIRE(plan.requests.size() == 1);
    const auto& a = plan.requests[0];
    const auto& b = bench.requests[0];
    CHECK(a.url == b.url);
    CHECK(a.method == b.method);
    CHECK(a.headers == b.headers);
    CHECK(a.body_file == (b.body_file.empty() ? b.body_file : std::filesystem::absolute(b.body_file)));
    CHECK(a.content_type == b.content_type);
    CHECK(plan.count == bench.count);
    CHECK(plan.duration == bench.duration);
    CHECK(plan.concurrency == bench.concurrency);
    CHECK(plan.timeout == bench.timeout);
    CHECK(plan.keep_alive == bench.keep_alive);
    CHECK(plan.check_length == bench.check_length);
  }
}

TEST_CASE("ab's plain seconds become durations with a unit: cookies join into one header") {
  AbOptions o;
  o.timelimit = "60";
  o.timeout = "1.5";
  o.cookies = {"a=1", "b=2"};
  o.headers = {"accept: x", "Accept: y"};
  o.url = "http://h:1";
  const auto s = scenario_from_ab(o, {}, {}).scenario;
  CHECK(s.load->duration == "60s");
  CHECK(s.load->timeout == "1.5s");
  CHECK_FALSE(s.load->count);
  CHECK(s.load->requests[0].path == "/");
  CHECK(s.load->requests[0].headers == Headers{{"accept", "x, y"}, {"Cookie", "a=1; b=2"}});
}

TEST_CASE("header values keep their references: every other value is expanded first") {
  AbOptions o;
  o.headers = {"Authorization: Bearer ${ENV:TOKEN}"};
  o.cookies = {"session=${ENV:SID}"};
  o.url = "http://${ENV:HOST}:8000/x";
  o.requests = "5";
  const auto env = fake_env({{"TOKEN", "tok-secret"}, {"SID", "sid-secret"}, {"HOST", "10.0.0.7"}});
  const auto imported = scenario_from_ab(o, {"/health"}, {}, env);
  const std::string text = to_text(imported.scenario);
  CHECK(text.find("secret") == std::string::npos);
  CHECK(imported.scenario.target == "http://10.0.0.7:8000");
  CHECK(imported.scenario.load->requests[0].headers ==
        Headers{{"Authorization", "Bearer ${ENV:TOKEN}"}, {"Cookie", "session=${ENV:SID}"}});
  CHECK(imported.notes.empty());

  o.url = "http://${ENV:NOT_SET_HOST}/";
  CHECK_THROWS_WITH(scenario_from_ab(o, {}, {}, env), "$NOT_SET_HOST is not set (the command line refers to it)");
}

TEST_CASE("notes: no probes yet, and a secret written into the file") {
  AbOptions o;
  o.headers = {"X-Api-Key: abc123"};
  o.url = "http://h:1/";
  const auto imported = scenario_from_ab(o, {}, {});
  REQUIRE(imported.notes.size() == 2);
  CHECK(imported.notes[0].starts_with("no --monitor given"));
  CHECK(imported.notes[1].starts_with("the X-Api-Key header's secret is written into the scenario"));
}

TEST_CASE("bad options are bench's own one-line errors: bad monitors name themselves") {
  AbOptions o;
  o.url = "http://h:1/";
  o.concurrency = "0";
  CHECK_THROWS_WITH(scenario_from_ab(o, {}, {}), "-c: expected at least 1 connection (a whole number), got \"0\"");
  o.concurrency = "1";
  o.post_file = "/surely/not/here.json";
  CHECK_THROWS_WITH(scenario_from_ab(o, {}, {}), "-p: no such file: \"/surely/not/here.json\"");
  o.post_file.clear();
  o.url = "ftp://h/";
  CHECK_THROWS_WITH(scenario_from_ab(o, {}, {}), Catch::Contains("URL: expected an http:// or https:// URL"));
  o.url = "http://h:1/";
  CHECK_THROWS_WITH(scenario_from_ab(o, {"pid:x"}, {}), Catch::StartsWith("--monitor \"pid:x\": expected pid:N"));
  // A monitor with a line break is quoted escaped: the error stays one line.
  CHECK_THROWS_WITH(scenario_from_ab(o, {"/m\nX"}, {}),
                    "--monitor \"/m\\nX\": expected a path such as /memory-stats, got \"/m\\nX\"");
}
