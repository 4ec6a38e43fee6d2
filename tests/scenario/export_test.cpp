// `export locust` and `export k6`: the scripts are run by the real
// interpreters (Debian's python3 with python3-locust, node) and must send
// what LeakHound itself sends for the same scenario: the same URL, headers
// and body bytes, hostile values included, with no secret written.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "external_program.h"
#include "fake_env.h"
#include "scenario/export_load.h"
#include "scenario/export_script.h"
#include "scenario/resolve.h"
#include "scenario/scenario_file.h"
#include "scenario/script_literals.h"
#include "temp_dir.h"

using namespace lh::scenario;
using lh::test::run_command;
using lh::test::TempDir;
using json = nlohmann::json;

namespace {

// Quotes, backslashes, a line break, a NUL, U+2028 (a line end to
// JavaScript), non-ASCII and a code point past U+FFFF, and text that would
// be code if pasted between quotes.
const std::string kHostile = std::string("a\"b'c\\d\ne\r\tf") + std::string(1, '\0') +
                             "\u2028 ü 😀 \"\"\"; import os; os.system('x') #${x} `${y}` </script>";
const std::string kSecret = "s3cr\"et\\ü😀";  // no line break: it goes into a header too

constexpr const char* kScenario = R"({
  "leakhound_scenario": 1,
  "name": "Hostile \"name\"\n'''; import os",
  "target": "http://127.0.0.1:9/api/",
  "probes": {"sources": ["/memory-stats"]},
  "load": {
    "requests": [
      {"name": "seg \"x\" \\ y\nz ü 😀", "method": "POST", "path": "/segment",
       "headers": {"Authorization": "Bearer ${ENV:LH_EXPORT_TOKEN}", "X-Quote": "\"'\\\u2028"},
       "body": {"text": "a \"b\" \\ c\n d ü 😀 \u2028 ${ENV:LH_EXPORT_TOKEN}!", "n": [1, 2.5, true, null],
                "k\"ey\u0001LH0\u0001": "$${literal}", "plain": "no reference"},
       "weight": 4},
      {"name": "convert", "path": "/convert", "upload": "pdfs", "content_type": "application/pdf", "upload_field": "doc"},
      {"path": "/text", "body": "plain ${ENV:LH_EXPORT_TOKEN} text", "weight": 2.5},
      {"url": "http://127.0.0.1:9/abs?q=1", "method": "PUT", "body_file": "body.txt", "weight": 0.5}
    ],
    "concurrency": 5,
    "rate": 20,
    "stages": [{"duration": "10s", "target": 40}, {"duration": "20s", "target": 10}],
    "duration": "40s",
    "timeout": "7s"
  }
})";

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Fixture {
  TempDir dir;
  std::filesystem::path scenario_file;
  lh::session::SessionPlan plan;  // what LeakHound itself sends
  Fixture(const std::string& text = kScenario) {
    scenario_file = dir.write("hostile.leakhound.json", text);
    dir.write("pdfs/b.pdf", "%PDF b");
    dir.write("pdfs/a \"quoted\".pdf", "%PDF a");
    dir.write("body.txt", "file body\n");
    ResolveOptions options;
    options.env = lh::test::fake_env({{"LH_EXPORT_TOKEN", kSecret}});
    plan = load_session_plan(scenario_file, options);
    setenv("LH_EXPORT_TOKEN", kSecret.c_str(), 1);
  }
};

// The value of the header `name` among "Name: value" lines.
std::string header(const lh::load::RequestTemplate& r, const std::string& name) {
  for (const auto& h : r.headers) {
    if (h.starts_with(name + ": ")) return h.substr(name.size() + 2);
  }
  return "(none)";
}

constexpr const char* kPythonHarness = R"PY(
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
lf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lf)

class Client:
    def __init__(self):
        self.calls = []
    def request(self, method, url, **kw):
        files = kw.get("files")
        data = kw.get("data")
        self.calls.append({"method": method, "url": url, "name": kw["name"], "headers": kw["headers"],
                           "timeout": kw["timeout"], "data": None if data is None else data.decode("utf-8"),
                           "files": None if not files else {k: [v[0], v[1].read().decode(), v[2]] for k, v in files.items()}})

user = lf.ScenarioUser.__new__(lf.ScenarioUser)
user.client = Client()
user.on_start()
for name in ["request_0", "request_1", "request_1", "request_1", "request_2", "request_3"]:
    getattr(user, name)()
weights = {}
for t in lf.ScenarioUser.tasks:
    weights[t.__name__] = weights.get(t.__name__, 0) + 1
print(json.dumps({"calls": user.client.calls, "weights": weights, "scenario": lf.SCENARIO, "target": lf.TARGET,
                  "users": lf.USERS, "rate": lf.RATE, "stages": lf.STAGES, "duration": lf.DURATION_S,
                  "count": lf.COUNT, "at5": lf._target_at(5), "at20": lf._target_at(20), "at99": lf._target_at(99),
                  "wait": user.wait_time(), "tick": lf.ScenarioShape().tick()}))
)PY";

// The k6 script run by node with k6's modules and open() replaced by stubs
// that record what they are given.
std::string node_harness(std::string script) {
  const std::string import_line = "import http from \"k6/http\";";
  const auto at = script.find(import_line);
  REQUIRE(at != std::string::npos);
  script.replace(at, import_line.size(), R"JS(
const calls = [];
const http = {
  request: (method, url, body, params) => calls.push({ method, url, body, params }),
  file: (data, name, type) => ({ data, name, type }),
};
const open = (path, mode) => "OPENED " + mode + " " + path;
const __ENV = process.env;)JS");
  return script + R"JS(
for (const send of [request0, request1, request1, request1, request2, request3]) send();
console.log(JSON.stringify({ calls, options, weights: REQUESTS.map((r) => r[0]), total: TOTAL_WEIGHT, scenario: SCENARIO }));
)JS";
}

}  // namespace

TEST_CASE("script literals: every string reads back as itself in Python and in JavaScript") {
  TempDir dir;
  const auto python = lh::test::debian_python3("json", "test");
  const auto node = lh::test::external_program("node", "test");
  const std::vector<std::string> values{"", "plain", kHostile, kSecret, std::string("\x7f\x01\x1f", 3), "\xF0\x9F\x98\x80"};
  std::string py = "import sys\nvalues = [\n", js = "const values = [\n";
  for (const auto& v : values) {
    py += "    " + python_string(v) + ",\n";
    js += "  " + js_string(v) + ",\n";
    // ASCII only, and on one line: nothing in the value can end the string or the line.
    for (char c : python_string(v) + js_string(v)) CHECK((c >= 0x20 && c < 0x7f));
  }
  py += "]\nsys.stdout.buffer.write(b'\\xff'.join(v.encode('utf-8') for v in values))\n";
  js += "];\nprocess.stdout.write(Buffer.concat(values.map((v, i) => Buffer.concat([Buffer.from(i ? [0xff] : []), "
        "Buffer.from(v, 'utf8')]))));\n";
  // run_command() reads the output a line at a time and ends each with "\n".
  std::string expected;
  for (std::size_t i = 0; i < values.size(); ++i) expected += (i ? "\xff" : "") + values[i];
  expected += "\n";
  const auto py_run = run_command({python, dir.write("values.py", py).string()});
  INFO(py_run.err);
  CHECK(py_run.status == 0);
  CHECK(py_run.out == expected);
  const auto js_run = run_command({node, dir.write("values.mjs", js).string()});
  INFO(js_run.err);
  CHECK(js_run.status == 0);
  CHECK(js_run.out == expected);
  // A byte that is not UTF-8 becomes U+FFFD rather than breaking the file.
  CHECK(python_string("a\xff") == "\"a\\uFFFD\"");
  CHECK(js_string("\xF0\x9F\x98\x80") == "\"\\uD83D\\uDE00\"");
  CHECK(python_string("\xF0\x9F\x98\x80") == "\"\\U0001F600\"");
  CHECK(python_text("Bearer ${ENV:TOKEN}$${x}") == "\"Bearer \" + os.environ[\"TOKEN\"] + \"${x}\"");
  CHECK(js_text("${ENV:TOKEN}") == "env(\"TOKEN\")");
}

TEST_CASE("export locust: the locustfile sends what LeakHound sends, run by Locust 2.12's own classes") {
  Fixture f;
  const std::string text = export_script(f.scenario_file, ScriptFormat::locust);
  CHECK(text.find(kSecret) == std::string::npos);
  // Weights 4, 1, 2.5 and 0.5: whole for Locust, about 1000 in all, in the same ratios.
  CHECK(text.find("@task(500)\n    def request_0(self):") != std::string::npos);
  CHECK(text.find("@task(313)\n    def request_2(self):") != std::string::npos);
  CHECK(text.find("# - the weights are rounded") != std::string::npos);
  CHECK(text.find("class ScenarioShape(LoadTestShape):") != std::string::npos);
  CHECK(text.find("os.environ[\"LH_EXPORT_TOKEN\"]") != std::string::npos);
  CHECK(text.find("# Read from the environment when the file runs (never written here): LH_EXPORT_TOKEN") != std::string::npos);
  CHECK(text.find("constant_throughput(rate / USERS)") != std::string::npos);  // the staged rate

  const auto python = lh::test::debian_python3("locust", "test");
  const auto file = f.dir.write("locustfile.py", text);
  const auto compiled = run_command({python, "-m", "py_compile", file.string()});
  INFO(compiled.err);
  REQUIRE(compiled.status == 0);
  const auto run = run_command({python, f.dir.write("harness.py", kPythonHarness).string(), file.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  const json out = json::parse(run.out);

  CHECK(out["scenario"] == "Hostile \"name\"\n'''; import os");
  CHECK(out["target"] == "http://127.0.0.1:9/api");
  CHECK(out["users"] == 5);
  CHECK(out["rate"] == 20);
  CHECK(out["stages"] == json::parse("[[10, 40], [20, 10]]"));
  CHECK(out["duration"] == 40);
  CHECK(out["count"].is_null());
  CHECK(out["at5"] == Approx(30));  // 20 → 40 over 10 s
  CHECK(out["at20"] == Approx(25));  // 40 → 10 over 20 s
  CHECK(out["at99"] == Approx(10));  // after the stages, their last target
  CHECK(out["tick"] == json::parse("[5, 5]"));
  CHECK(out["wait"].get<double>() >= 0);
  CHECK(out["wait"].get<double>() <= 5.0 / 20 + 0.01);
  CHECK(out["weights"] == json::parse(R"({"request_0": 500, "request_1": 125, "request_2": 313, "request_3": 63})"));

  const auto& calls = out["calls"];
  const auto& sent = f.plan.load->requests;
  // The JSON body, byte for byte, with the secret spliced in where the scenario refers to it.
  CHECK(calls[0]["method"] == "POST");
  CHECK(out["target"].get<std::string>() + calls[0]["url"].get<std::string>() == sent[0].url);
  CHECK(calls[0]["data"] == sent[0].body);
  CHECK(calls[0]["headers"]["Authorization"] == header(sent[0], "Authorization"));
  CHECK(calls[0]["headers"]["X-Quote"] == header(sent[0], "X-Quote"));
  CHECK(calls[0]["headers"]["Content-Type"] == sent[0].content_type);
  CHECK(calls[0]["name"] == "seg \"x\" \\ y\nz ü 😀");
  CHECK(calls[0]["timeout"] == 7);
  // Uploads: the folder's files in name order, in turn, in the named field, with the part's type.
  CHECK(calls[1]["files"] == json::parse(R"({"doc": ["a \"quoted\".pdf", "%PDF a", "application/pdf"]})"));
  CHECK(calls[2]["files"]["doc"][0] == "b.pdf");
  CHECK(calls[3]["files"]["doc"][0] == "a \"quoted\".pdf");
  CHECK(calls[4]["data"] == sent[2].body);
  CHECK(calls[4]["headers"]["Content-Type"] == "text/plain");
  CHECK(calls[4]["name"] == "POST /text");
  CHECK(calls[5]["method"] == "PUT");
  CHECK(calls[5]["url"] == sent[3].url);
  CHECK(calls[5]["data"] == "file body\n");
}

TEST_CASE("export k6: the script parses as JavaScript and sends what LeakHound sends") {
  Fixture f;
  const std::string text = export_script(f.scenario_file, ScriptFormat::k6);
  CHECK(text.find(kSecret) == std::string::npos);
  CHECK(text.find("executor: \"ramping-arrival-rate\", startRate: 20, timeUnit: \"1s\", preAllocatedVUs: 5, maxVUs: 5") !=
        std::string::npos);
  // The stages, then a hold of the last target to the duration.
  CHECK(text.find("stages: [{ duration: \"10s\", target: 40 }, { duration: \"20s\", target: 10 }, { duration: \"10s\", "
                  "target: 10 }]") != std::string::npos);
  CHECK(text.find("open(filePath(\"pdfs/a \\\"quoted\\\".pdf\"), \"b\")") != std::string::npos);
  CHECK(text.find("http.file(file.data, file.name, \"application/pdf\")") != std::string::npos);

  const auto node = lh::test::external_program("node", "test");
  const auto checked = run_command({node, "--check", f.dir.write("script.mjs", text).string()});
  INFO(checked.err);
  REQUIRE(checked.status == 0);
  const auto run = run_command({node, f.dir.write("harness.mjs", node_harness(text)).string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  const json out = json::parse(run.out);
  CHECK(out["scenario"] == "Hostile \"name\"\n'''; import os");
  CHECK(out["weights"] == json::parse("[4, 1, 2.5, 0.5]"));
  CHECK(out["total"] == 8);
  const auto& calls = out["calls"];
  const auto& sent = f.plan.load->requests;
  CHECK(calls[0]["url"] == sent[0].url);
  CHECK(calls[0]["body"] == sent[0].body);
  CHECK(calls[0]["params"]["headers"]["Authorization"] == header(sent[0], "Authorization"));
  CHECK(calls[0]["params"]["headers"]["X-Quote"] == header(sent[0], "X-Quote"));
  CHECK(calls[0]["params"]["tags"]["name"] == "seg \"x\" \\ y\nz ü 😀");
  CHECK(calls[0]["params"]["timeout"] == 7000);
  CHECK(calls[1]["body"]["doc"]["name"] == "a \"quoted\".pdf");
  CHECK(calls[1]["body"]["doc"]["data"] == "OPENED b " + (f.dir.path() / "pdfs/a \"quoted\".pdf").string());
  CHECK(calls[2]["body"]["doc"]["name"] == "b.pdf");
  CHECK(calls[4]["body"] == sent[2].body);
  CHECK(calls[5]["method"] == "PUT");
  CHECK(calls[5]["url"] == sent[3].url);
}

TEST_CASE("export k6: each load shape gets its executor, and a count its end") {
  auto script_for = [](const std::string& load) {
    Fixture f(R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:9", "probes": {"sources": ["/m"]},
                  "load": {"requests": [{"path": "/"}], )" + load + "}}");
    return export_script(f.scenario_file, ScriptFormat::k6);
  };
  // A count at a constant rate is a duration.
  CHECK(script_for(R"("rate": 2.5, "count": 100, "concurrency": 3)")
            .find("executor: \"constant-arrival-rate\", rate: 25, timeUnit: \"10s\", preAllocatedVUs: 3, maxVUs: 3, "
                  "duration: \"40s\"") != std::string::npos);
  CHECK(script_for(R"("concurrency": 4, "duration": "1m")").find("executor: \"constant-vus\", vus: 4, duration: \"60s\"") !=
        std::string::npos);
  CHECK(script_for(R"("concurrency": 2, "count": 500)").find("executor: \"shared-iterations\", vus: 2, iterations: 500") !=
        std::string::npos);
  // Stages cut at the duration, the last at its target of that moment.
  const auto ramp = script_for(R"("concurrency": 2, "stages": [{"duration": "10s", "target": 12}], "duration": "5s", "count": 50)");
  CHECK(ramp.find("executor: \"ramping-vus\", startVUs: 2, stages: [{ duration: \"5s\", target: 7 }]") != std::string::npos);
  CHECK(ramp.find("http_reqs: [{ threshold: \"count<=50\", abortOnFail: true }]") != std::string::npos);
}

TEST_CASE("export locust: a count and a closed-model ramp are the shape's: what Locust cannot do is said") {
  Fixture f(R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:9", "probes": {"sources": ["/m"]},
                "load": {"requests": [{"path": "/", "headers": {"X-A": "1", "x-a": "2"}}], "concurrency": 2,
                         "stages": [{"duration": "10s", "target": 12}], "count": 50, "keep_alive": false}})");
  const std::string text = export_script(f.scenario_file, ScriptFormat::locust);
  CHECK(text.find("COUNT = 50") != std::string::npos);
  CHECK(text.find("wait_time = constant(0)") != std::string::npos);
  CHECK(text.find("\"Connection\": \"close\"") != std::string::npos);
  CHECK(text.find("# - COUNT is checked on the master's totals") != std::string::npos);
  CHECK(text.find("# - a header named twice in one request is sent once") != std::string::npos);
  const auto python = lh::test::debian_python3("locust", "test");
  const auto file = f.dir.write("locustfile.py", text);
  const auto run = run_command({python, "-c",
                                "import importlib.util, json, sys\n"
                                "spec = importlib.util.spec_from_file_location('x', sys.argv[1])\n"
                                "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
                                "print(json.dumps([round(m._target_at(t)) for t in (0, 5, 10, 20)]))",
                                file.string()});
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(json::parse(run.out) == json::parse("[2, 7, 12, 12]"));
}

TEST_CASE("export: the CLI writes the file, refuses a broken scenario and an unknown format in one line") {
  Fixture f;
  const auto out = f.dir.path() / "locustfile.py";
  auto r = run_command({LH_CLI_BIN, "export", "locust", f.scenario_file.string(), "-o", out.string()});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(file_text(out) == export_script(f.scenario_file, ScriptFormat::locust));
  r = run_command({LH_CLI_BIN, "export", "k6", f.scenario_file.string()});
  CHECK(r.status == 0);
  CHECK(r.out == export_script(f.scenario_file, ScriptFormat::k6));
  r = run_command({LH_CLI_BIN, "export", "jmeter", f.scenario_file.string()});
  CHECK(r.status == 2);
  CHECK(r.err == "leakhound-cli export: FORMAT: expected locust or k6, got \"jmeter\"\n");
  const auto broken = f.dir.write("broken.leakhound.json", R"({"leakhound_scenario": 1, "load": {"requests": []}})");
  r = run_command({LH_CLI_BIN, "export", "k6", broken.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find(broken.string() + ": load.requests: expected at least one request") != std::string::npos);
  CHECK(r.out.empty());
}
