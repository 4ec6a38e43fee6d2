// Resolving a scenario into a session's plan: references, the target,
// files, the plans' own checks, overrides and redaction.
#include <curl/curl.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "probe/source_options.h"
#include "scenario/parse.h"
#include "scenario/resolve.h"
#include "scenario/scenario_file.h"
#include "scenario/serialize.h"
#include "scenario_texts.h"
#include "temp_dir.h"
#include "fake_env.h"

using namespace lh::scenario;
using lh::test::fake_env;
using lh::test::TempDir;

namespace {

std::string listed(const Problems& problems) {
  std::string out;
  for (const auto& p : problems) out += p.text() + "\n";
  return out;
}

bool has_problem(const Problems& problems, const std::string& path, const std::string& message_part) {
  for (const auto& p : problems) {
    if (p.path == path && p.message.find(message_part) != std::string::npos) return true;
  }
  return false;
}

constexpr const char* kFull = R"({
  "leakhound_scenario": 1,
  "name": "Full",
  "target": "http://127.0.0.1:8001/api/",
  "probes": {
    "sources": ["segmentation=/memory-stats", "/metrics", "port:8001",
                {"source": "http://127.0.0.1:9100/x", "label": "exporter", "headers": {"Authorization": "Bearer ${ENV:METRICS_TOKEN}"}}],
    "interval": "500ms", "timeout": "300ms", "watch": "memory.rss_mb", "memory_limit": "8GiB"
  },
  "load": {
    "requests": [
      {"name": "segment", "method": "POST", "path": "/segment?x=${ENV:LANG_CODE}",
       "headers": {"X-Api-Key": "${ENV:API_KEY}", "Accept": "application/json"},
       "body": {"text": "One. ${ENV:LANG_CODE}", "n": [1, 2.5]}, "weight": 3},
      {"url": "http://127.0.0.1:8002/convert", "upload": "pdfs", "upload_field": "document", "content_type": "application/pdf"},
      {"path": "/plain", "body": "just text"},
      {"path": "/file", "body_file": "bodies/doc.json", "weight": 0.5}
    ],
    "concurrency": 16, "rate": 250,
    "stages": [{"duration": "30s", "target": 100}, {"duration": "1h30m", "target": 250}],
    "duration": "2h", "count": 1000000, "timeout": "5s",
    "keep_alive": false, "insecure": true, "check_length": true
  },
  "leak": {"warmup": "3m", "min_growth_per_hour": "4MiB", "min_growth_percent_per_hour": 5, "alpha": 0.05,
           "min_window": "2m", "min_window_fast": "40s", "max_gap": "45s"},
  "report": {"title": "Charted", "series": ["language_processor.cache_size"]}
})";

const EnvLookup kEnv = fake_env({{"METRICS_TOKEN", "metrics-secret"}, {"API_KEY", "api-secret"}, {"LANG_CODE", "en"}});

// The folder the scenario lives in, with the files it names.
struct Folder {
  TempDir dir;
  Folder() {
    dir.write("bodies/doc.json", R"({"text": "from a file"})");
    dir.write("pdfs/a.pdf", "%PDF-1.4");
  }
};

}  // namespace

TEST_CASE("every key lands in the load plan, the probe configuration and the analysis parameters") {
  Folder folder;
  ResolveOptions options;
  options.env = kEnv;
  const auto r = resolve_collecting(read_scenario(kFull), folder.dir.path(), options);
  INFO(listed(r.problems));
  REQUIRE(r.ok());
  const auto& plan = r.plan;
  CHECK(plan.name == "Full");

  const auto& probes = plan.probes;
  REQUIRE(probes.sources.size() == 4);
  CHECK(probes.sources[0].preset == lh::probe::Preset::segmentation);
  CHECK(probes.sources[0].url == "http://127.0.0.1:8001/api/memory-stats");
  CHECK(probes.sources[1].url == "http://127.0.0.1:8001/api/metrics");
  CHECK(probes.sources[2].kind == lh::probe::SourceKind::port);
  CHECK(probes.sources[2].port == 8001);
  CHECK(probes.sources[3].label == "exporter");
  CHECK(probes.sources[3].headers == std::vector<std::string>{"Authorization: Bearer metrics-secret"});
  CHECK(probes.interval.count() == Approx(0.5));
  CHECK(probes.effective_timeout().count() == Approx(0.3));
  CHECK(probes.watch == "memory.rss_mb");
  CHECK(probes.memory_limit_mib == 8192.0);

  REQUIRE(plan.load);
  const auto& load = *plan.load;
  REQUIRE(load.requests.size() == 4);
  const auto& segment = load.requests[0];
  CHECK(segment.method == "POST");
  CHECK(segment.url == "http://127.0.0.1:8001/api/segment?x=en");
  CHECK(segment.headers == std::vector<std::string>{"X-Api-Key: api-secret", "Accept: application/json"});
  CHECK(segment.body == R"({"text":"One. en","n":[1,2.5]})");
  CHECK(segment.content_type == "application/json");
  CHECK(segment.weight == 3.0);
  const auto& convert = load.requests[1];
  CHECK(convert.url == "http://127.0.0.1:8002/convert");
  CHECK(convert.upload == folder.dir.path() / "pdfs");
  CHECK(convert.upload_field == "document");
  CHECK(convert.content_type == "application/pdf");
  CHECK(convert.method.empty());  // the engine posts an upload
  CHECK(load.requests[2].body == "just text");
  CHECK(load.requests[2].content_type == "text/plain");
  CHECK(load.requests[3].body_file == folder.dir.path() / "bodies/doc.json");
  CHECK(load.requests[3].body_file.is_absolute());
  CHECK(load.requests[3].weight == 0.5);
  CHECK(load.concurrency == 16);
  CHECK(load.rate == 250.0);
  REQUIRE(load.stages.size() == 2);
  CHECK(load.stages[1].duration.count() == Approx(5400));
  CHECK(load.stages[1].target == 250);
  CHECK(load.duration->count() == Approx(7200));
  CHECK(load.count == 1000000u);
  CHECK(load.timeout.count() == Approx(5));
  CHECK_FALSE(load.keep_alive);
  CHECK_FALSE(load.http2);
  CHECK(load.insecure);
  CHECK(load.check_length);

  const auto& a = plan.analysis;
  CHECK(a.warmup_s == 180);
  CHECK(a.min_growth_mib_per_hour == 4);
  CHECK(a.min_relative_growth_per_hour == Approx(0.05));
  CHECK(a.alpha == 0.05);
  CHECK(a.min_window_s == 120);
  CHECK(a.min_window_floor_s == 40);
  CHECK(a.max_gap_s == 45);
  CHECK(a.ci_level == lh::analysis::AnalysisParameters{}.ci_level);  // not exposed: its default

  CHECK(plan.report.title == "Charted");
  CHECK(plan.report.series == std::vector<std::string>{"language_processor.cache_size"});
}

TEST_CASE("defaults are bench's and the analysis's own") {
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/"}], "duration": "1m"}})"), ".");
  REQUIRE(r.ok());
  const lh::load::LoadPlan defaults;
  CHECK(r.plan.load->concurrency == 1);
  CHECK(r.plan.load->keep_alive);
  CHECK(r.plan.load->timeout == defaults.timeout);
  CHECK_FALSE(r.plan.load->check_length);
  CHECK(r.plan.probes.interval == lh::probe::ProbeConfig{}.interval);
  CHECK(r.plan.analysis.warmup_s == 0);
  CHECK(r.plan.name == "scenario");
  const auto open = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/"}], "duration": "1m", "rate": 50}})"), ".");
  CHECK(open.plan.load->concurrency == 100);  // as bench with --rate
}

TEST_CASE("a resolved secret never reaches the plan's scenario, which keeps the references") {
  Folder folder;
  ResolveOptions options;
  options.env = kEnv;
  Scenario s = read_scenario(kFull);
  s.load->requests[2].headers.push_back({"Authorization", "Bearer literal-secret"});
  s.probes.sources.push_back({"http://127.0.0.1:9/x?token=${ENV:API_KEY}&password=literal-secret", "", {}});
  const auto r = resolve_collecting(s, folder.dir.path(), options);
  REQUIRE(r.ok());
  // What a message about a source may print is the source as written, masked.
  CHECK(r.plan.probes.sources.back().url == "http://127.0.0.1:9/x?token=api-secret&password=literal-secret");
  CHECK(r.plan.probes.sources.back().text == "http://127.0.0.1:9/x?token=${ENV:API_KEY}&password=•••");
  const std::string scenario = r.plan.scenario.dump();
  for (const char* secret : {"metrics-secret", "api-secret", "literal-secret"}) {
    INFO(secret);
    CHECK(scenario.find(secret) == std::string::npos);
  }
  CHECK(scenario.find("${ENV:API_KEY}") != std::string::npos);
  CHECK(scenario.find("Bearer ${ENV:METRICS_TOKEN}") != std::string::npos);
  CHECK(scenario.find("Bearer •••") != std::string::npos);
  // The plan itself carries the values the run sends.
  CHECK(r.plan.load->requests[2].headers == std::vector<std::string>{"Authorization: Bearer literal-secret"});
  CHECK(r.plan.scenario["load"]["requests"][0]["name"] == "segment");
}

TEST_CASE("an unset variable is a problem naming it, unless variables are not required") {
  Folder folder;
  const Scenario s = read_scenario(kFull);
  ResolveOptions options;
  options.env = fake_env({{"LANG_CODE", "en"}});
  auto r = resolve_collecting(s, folder.dir.path(), options);
  INFO(listed(r.problems));
  CHECK(r.problems.size() == 2);
  CHECK(has_problem(r.problems, "load.requests[0].headers.X-Api-Key",
                    "${ENV:API_KEY}: the environment variable API_KEY is not set"));
  CHECK(has_problem(r.problems, "probes.sources[3].headers.Authorization", "METRICS_TOKEN is not set"));
  options.require_env = false;
  r = resolve_collecting(s, folder.dir.path(), options);
  CHECK(r.ok());
}

TEST_CASE("a value from a variable is never printed in a problem") {
  ResolveOptions options;
  options.env = fake_env({{"T", "http://user:pw-secret@ bad"}, {"H", "a\r\nInjected: pw-secret"}, {"S", "nope pw-secret"}});
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "${ENV:T}",
    "probes": {"sources": ["${ENV:S}"]},
    "load": {"requests": [{"url": "${ENV:T}", "headers": {"X": "${ENV:H}"}}], "count": 1}})"), ".", options);
  INFO(listed(r.problems));
  CHECK(r.problems.size() == 4);
  CHECK(has_problem(r.problems, "target", "not a base URL once its ${ENV:…} references are replaced"));
  CHECK(has_problem(r.problems, "probes.sources[0]", "not a source once its ${ENV:…} references are replaced"));
  CHECK(has_problem(r.problems, "load.requests[0].url", "not a URL once"));
  CHECK(has_problem(r.problems, "load.requests[0].headers.X", "holds a line break"));
  CHECK(listed(r.problems).find("pw-secret") == std::string::npos);
}

TEST_CASE("relative paths without a target are one problem, naming each") {
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1,
    "probes": {"sources": ["port:1", "segmentation=/memory-stats"]},
    "load": {"requests": [{"path": "/a"}, {"url": "http://h:1/b"}], "count": 1}})"), ".");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].text() ==
        "target: missing; probes.sources[1], load.requests[0].path are paths on the target: give its base URL, such "
        "as \"http://127.0.0.1:8000\"");
}

TEST_CASE("files are found relative to the scenario's folder, and missing ones named") {
  Folder folder;
  folder.dir.write("empty/.keep", "");
  std::filesystem::remove(folder.dir.path() / "empty/.keep");
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]},
    "load": {"requests": [{"path": "/", "body_file": "nope.json"}, {"path": "/", "upload": "missing"},
                          {"path": "/", "upload": "empty"}, {"path": "/", "body_file": "pdfs"}], "count": 4}})"),
                                    folder.dir.path());
  INFO(listed(r.problems));
  CHECK(r.problems.size() == 4);
  const std::string base = folder.dir.path().string();
  CHECK(has_problem(r.problems, "load.requests[0].body_file", "no such file: \"" + base + "/nope.json\""));
  CHECK(has_problem(r.problems, "load.requests[1].upload", "no such file or folder: \"" + base + "/missing\""));
  CHECK(has_problem(r.problems, "load.requests[2].upload", "the folder holds no file to upload: \"" + base + "/empty\""));
  CHECK(has_problem(r.problems, "load.requests[3].body_file", "no such file: \"" + base + "/pdfs\""));
}

TEST_CASE("a missing file's name with a line break is quoted escaped, on its problem's one line") {
  // Found by fuzz_scenario: body_file and upload were echoed raw.
  Folder folder;
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]},
    "load": {"requests": [{"path": "/", "body_file": "no\nbody.json"}, {"path": "/", "upload": "no\r\nfolder"}],
             "count": 2}})"),
                                    folder.dir.path());
  INFO(listed(r.problems));
  const std::string base = folder.dir.path().string();
  CHECK(has_problem(r.problems, "load.requests[0].body_file", "no such file: \"" + base + "/no\\nbody.json\""));
  CHECK(has_problem(r.problems, "load.requests[1].upload", "no such file or folder: \"" + base + "/no\\r\\nfolder\""));
  CHECK(r.problems.size() == 2);
  for (const auto& p : r.problems) CHECK(p.text().find_first_of("\r\n") == std::string::npos);
}

TEST_CASE("the target and the duration can be given instead, and the plan's scenario says so") {
  ResolveOptions options;
  options.target = "http://127.0.0.1:45678";
  options.duration = "90s";
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:8000",
    "probes": {"sources": ["segmentation=/memory-stats"]},
    "load": {"requests": [{"path": "/segment"}], "count": 100, "duration": "1h"}})"), ".", options);
  REQUIRE(r.ok());
  CHECK(r.plan.load->requests[0].url == "http://127.0.0.1:45678/segment");
  CHECK(r.plan.probes.sources[0].url == "http://127.0.0.1:45678/memory-stats");
  CHECK(r.plan.load->duration->count() == 90);
  CHECK_FALSE(r.plan.load->count);
  CHECK(r.plan.scenario["target"] == "http://127.0.0.1:45678");
  CHECK(r.plan.scenario["load"]["duration"] == "90s");
  CHECK_FALSE(r.plan.scenario["load"].contains("count"));

  options.target = "localhost:1";
  options.duration = "soon";
  const auto bad = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/"}], "count": 1}})"), ".", options);
  INFO(listed(bad.problems));
  CHECK(has_problem(bad.problems, "target", "the target given instead (--target): expected an http:// or https:// URL"));
  CHECK(has_problem(bad.problems, "load.duration", "the duration given instead (--duration): expected a duration"));
  // Said once: the override is the target, checked once.
  CHECK(std::count_if(bad.problems.begin(), bad.problems.end(), [](const auto& p) { return p.path == "target"; }) == 1);
  CHECK(bad.problems.size() == 2);
}

TEST_CASE("the plans' own checks run last, named by the scenario's paths") {
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/"}], "count": 1, "http2": true}})"), ".");
  if (curl_version_info(CURLVERSION_NOW)->version_num < 0x080000) {
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "load.http2");
    CHECK(r.problems[0].message.starts_with("HTTP/2 over plain http:// needs libcurl 8.0 or later"));
  } else {
    CHECK(r.ok());
  }
}

TEST_CASE("resolve throws every problem: a file's plan is named after the file") {
  TempDir dir;
  CHECK_THROWS_AS(resolve(read_scenario(R"({"leakhound_scenario": 1, "probes": {"sources": ["/m"]},
    "load": {"requests": [{"path": "/"}], "count": 1}})"), "."), ScenarioError);
  dir.write("body.txt", "hello");
  const auto file = dir.write("my-service.leakhound.json", R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/", "body_file": "body.txt"}], "count": 1}})");
  const auto plan = load_session_plan(file);
  CHECK(plan.name == "my-service");
  CHECK(plan.load->requests[0].body_file == dir.path() / "body.txt");

  const auto broken = dir.write("broken.leakhound.json", R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/", "body_file": "gone.txt"}], "count": 0}})");
  try {
    load_session_plan(broken);
    FAIL("no error");
  } catch (const ScenarioError& e) {
    // The reading problem, and the missing file: all at once.
    INFO(e.what());
    REQUIRE(e.problems().size() == 2);
    CHECK(std::string(e.what()) == broken.string() + ": load.count: expected at least 1 request, got 0\n" +
                                       broken.string() + ": load.requests[0].body_file: no such file: \"" +
                                       (dir.path() / "gone.txt").string() + "\"");
  }
}

TEST_CASE("a scenario being edited is checked as if read back from its file, then resolved") {
  Folder folder;
  Scenario s = read_scenario(lh::test::kSmallest);
  CHECK(check_scenario(s, folder.dir.path()).ok());
  s.load->stages.push_back({"ten minutes", 5});  // as typed into the editor
  s.load->requests[0].body_file = "bodies/nope.json";
  s.probes.memory_limit = "8GiB";
  const auto r = check_scenario(s, folder.dir.path());
  INFO(listed(r.problems));
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].text() == R"(load.stages[0].duration: expected a duration such as "30s" or "10m", got "ten minutes")");
  CHECK(r.problems[1].text() ==
        "load.requests[0].body_file: no such file: \"" + (folder.dir.path() / "bodies/nope.json").string() + "\"");
  s.load->stages[0].duration = "10m";
  s.load->requests[0].body_file = "bodies/doc.json";
  const auto fixed = check_scenario(s, folder.dir.path());
  REQUIRE(fixed.ok());
  CHECK(fixed.plan.probes.memory_limit_mib == 8192.0);
}

TEST_CASE("durations past bench's limits are problems of the scenario's paths") {
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/"}], "duration": "400d", "timeout": "2d"}})"), ".");
  INFO(listed(r.problems));
  CHECK(has_problem(r.problems, "load.duration", "the limit is 366 days, got 9600h 00m"));
}

TEST_CASE("a duration too large for any clock is a problem, never an overflow") {
  // Found by fuzz_scenario: "1e70m" reached the 366-day check, whose message
  // cast the duration to long long (UBSan: float-cast-overflow).
  const auto r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/"}], "duration": "1e70m"}})"), ".");
  INFO(listed(r.problems));
  CHECK(has_problem(r.problems, "load.duration", "the limit is 366 days, got 1.67e+68h"));
  // A total past a double is refused where it is read.
  const auto parsed = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]}, "load": {"requests": [{"path": "/"}], "duration": "1e308d"}})");
  CHECK(parsed.problems.size() == 1);
}

TEST_CASE("a scenario without load resolves to a plan that only watches, for its duration or until stopped") {
  constexpr const char* kWatch = R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:8000",
    "probes": {"sources": ["conversion=/health"], "request_counter": "conversion/conversions", "duration": "10m"}})";
  auto r = resolve_collecting(read_scenario(kWatch), ".");
  INFO(listed(r.problems));
  REQUIRE(r.ok());
  CHECK_FALSE(r.plan.load);
  REQUIRE(r.plan.watch_duration);
  CHECK(r.plan.watch_duration->count() == 600);
  CHECK(r.plan.request_counter == "conversion/conversions");
  CHECK_FALSE(r.plan.scenario.contains("load"));

  // --duration replaces the watch's; without one, until stopped.
  ResolveOptions options;
  options.duration = "90s";
  r = resolve_collecting(read_scenario(kWatch), ".", options);
  REQUIRE(r.ok());
  CHECK(r.plan.watch_duration->count() == 90);
  CHECK(r.plan.scenario["probes"]["duration"] == "90s");
  r = resolve_collecting(read_scenario(R"({"leakhound_scenario": 1, "probes": {"sources": ["pid:1"]}})"), ".");
  REQUIRE(r.ok());
  CHECK_FALSE(r.plan.load);
  CHECK_FALSE(r.plan.watch_duration);
  options.duration = "soon";
  r = resolve_collecting(read_scenario(kWatch), ".", options);
  CHECK(has_problem(r.problems, "probes.duration", "the duration given instead (--duration): expected a duration"));
}

TEST_CASE("watch only leaves a scenario's load out, and its problems stop nothing") {
  ResolveOptions options;
  options.watch_only = true;
  options.duration = "1m";
  Scenario s = read_scenario(lh::test::kSmallest);
  REQUIRE(s.load);
  s.load->requests[0].body_file = "bodies/nope.json";  // a problem of the load only
  s.load->stages.push_back({"ten minutes", 5});
  const auto r = check_scenario(s, ".", options);
  INFO(listed(r.problems));
  REQUIRE(r.ok());
  CHECK_FALSE(r.plan.load);
  CHECK(r.plan.watch_duration->count() == 60);
  CHECK_FALSE(r.plan.scenario.contains("load"));
  // Without watch only, the same scenario cannot run.
  CHECK_FALSE(check_scenario(s, ".").ok());
}

TEST_CASE("a prom: source's query, restart query and credentials reach the probe: secrets stay masked") {
  Folder folder;
  folder.dir.write("ca.pem", "-----BEGIN CERTIFICATE-----\n");
  ResolveOptions options;
  options.env = fake_env({{"PROM_TOKEN", "prom-secret"}, {"PROM_PASSWORD", "pw-secret"}});
  Scenario s = read_scenario(R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:1",
    "probes": {"sources": [
      {"source": "prom:https://prom.example.org/prometheus", "query": "container_memory_working_set_bytes{namespace=\"seg\"}",
       "restart_query": "kube_pod_container_status_restarts_total", "bearer_token": "${ENV:PROM_TOKEN}", "ca_file": "ca.pem",
       "headers": {"X-Scope-OrgID": "team"}},
      {"source": "prom:http://127.0.0.1:9090", "query": "up", "basic_auth": {"user": "lh", "password": "${ENV:PROM_PASSWORD}"}},
      {"source": "prom:http://127.0.0.1:9091", "query": "up", "bearer_token": "literal-token"}]},
    "load": {"requests": [{"path": "/"}], "count": 1}})");
  const auto r = resolve_collecting(s, folder.dir.path(), options);
  INFO(listed(r.problems));
  REQUIRE(r.ok());
  const auto& a = r.plan.probes.sources.at(0);
  CHECK(a.kind == lh::probe::SourceKind::prom);
  CHECK(a.url == "https://prom.example.org/prometheus");
  CHECK(a.query == "container_memory_working_set_bytes{namespace=\"seg\"}");
  CHECK(a.restart_query == "kube_pod_container_status_restarts_total");
  CHECK(a.headers == std::vector<std::string>{"X-Scope-OrgID: team", "Authorization: Bearer prom-secret"});
  CHECK(a.ca_file == (folder.dir.path() / "ca.pem").string());
  const auto& b = r.plan.probes.sources.at(1);
  REQUIRE(b.basic_auth);
  CHECK(b.basic_auth->user == "lh");
  CHECK(b.basic_auth->password == "pw-secret");
  const std::string scenario = r.plan.scenario.dump();
  for (const char* secret : {"prom-secret", "pw-secret", "literal-token"}) {
    INFO(secret);
    CHECK(scenario.find(secret) == std::string::npos);
  }
  CHECK(scenario.find("${ENV:PROM_TOKEN}") != std::string::npos);
  // Written back as read.
  CHECK(read_scenario(to_text(s)) == s);
}

TEST_CASE("prom: sources are checked once, each problem at its path on one line") {
  const auto parsed = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": [
      "prom:http://127.0.0.1:9090",
      {"source": "prom:http://127.0.0.1:9090?x=1", "query": "up"},
      {"source": "http://127.0.0.1:1/metrics", "query": "up"},
      {"source": "port:1", "bearer_token": "x"},
      {"source": "prom:http://h:1", "query": "up", "basic_auth": "lh:pw"},
      {"source": "prom:http://h:1", "query": "up", "basic_auth": {"user": "lh"}},
      {"source": "prom:http://h:1", "query": "up", "bearer_token": "t", "headers": {"authorization": "Bearer x"}},
      {"source": "http://h:1", "restart_query": "up"}]},
    "load": {"requests": [{"path": "/"}], "count": 1}})");
  INFO(listed(parsed.problems));
  const auto& p = parsed.problems;
  CHECK(has_problem(p, "probes.sources[0].query", "missing: a prom: source needs the PromQL query"));
  CHECK(has_problem(p, "probes.sources[1].source", "without a query"));
  CHECK(has_problem(p, "probes.sources[2].query", "a query only goes with a prom: source"));
  // The rule is probe's, the path the reader's: the token as written, not the header it becomes.
  CHECK(has_problem(p, "probes.sources[3].bearer_token",
                    *lh::probe::option_rule(lh::probe::SourceKind::port, lh::probe::SourceOption::bearer_token)));
  CHECK(has_problem(p, "probes.sources[4].basic_auth", "expected {\"user\": …"));
  CHECK(has_problem(p, "probes.sources[5].basic_auth.password", "missing"));
  CHECK(has_problem(p, "probes.sources[6].bearer_token", "not both"));
  CHECK(has_problem(p, "probes.sources[7].restart_query", "only goes with a prom: source"));
  for (const auto& problem : p) CHECK(problem.text().find('\n') == std::string::npos);
}
