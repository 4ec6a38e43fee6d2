// Reading scenarios: every key into the document model, and every problem
// at once, each with its JSON path and what was expected.
#include <catch2/catch.hpp>

#include "scenario/json_document.h"
#include "scenario/parse.h"
#include "scenario_texts.h"

using namespace lh::scenario;

namespace {

bool has_problem(const Problems& problems, const std::string& path, const std::string& message_part) {
  for (const auto& p : problems) {
    if (p.path == path && p.message.find(message_part) != std::string::npos) return true;
  }
  return false;
}

std::string listed(const Problems& problems) {
  std::string out;
  for (const auto& p : problems) out += p.text() + "\n";
  return out;
}

}  // namespace

TEST_CASE("every key of the format reads into the document model as written") {
  const auto parsed = parse_scenario(lh::test::kEveryKey);
  INFO(listed(parsed.problems));
  REQUIRE(parsed.ok());
  const Scenario& s = parsed.scenario;
  CHECK(s.name == "Every key");
  CHECK(s.description == "All of them, once.");
  CHECK(s.target == "http://127.0.0.1:8001/api");

  REQUIRE(s.probes.sources.size() == 3);
  CHECK(s.probes.sources[0] == ProbeSource{"segmentation=/memory-stats", "", {}});
  CHECK(s.probes.sources[1] == ProbeSource{"port:8001", "", {}});
  CHECK(s.probes.sources[2] ==
        ProbeSource{"http://127.0.0.1:9100/metrics", "exporter", {{"Authorization", "Bearer ${ENV:METRICS_TOKEN}"}}});
  CHECK(s.probes.interval == "500ms");
  CHECK(s.probes.timeout == "400ms");
  CHECK(s.probes.watch == "memory.rss_mb");
  CHECK(s.probes.memory_limit == "8GiB");
  CHECK(s.probes.request_counter == "segmentation/requests_total");
  CHECK(s.probes.duration == "1h");

  REQUIRE(s.load->requests.size() == 3);
  const auto& a = s.load->requests[0];
  CHECK(a.name == "segment");
  CHECK(a.method == "POST");
  CHECK(a.path == "/segment?lang=en");
  CHECK(a.headers == Headers{{"Accept", "application/json"}, {"X-Api-Key", "${ENV:API_KEY}"}});
  REQUIRE(a.body);
  CHECK(a.body->dump() == R"({"text":"One. Two.","language":"en"})");  // key order as written
  CHECK(a.content_type == "application/json; charset=utf-8");
  CHECK(a.weight == 3.0);
  const auto& b = s.load->requests[1];
  CHECK(b.url == "http://127.0.0.1:8002/convert");
  CHECK(b.upload == "pdfs");
  CHECK(b.upload_field == "document");
  const auto& c = s.load->requests[2];
  CHECK(c.body_file == "bodies/doc.json");
  CHECK(c.weight == 0.5);

  CHECK(s.load->concurrency == 16);
  CHECK(s.load->rate == 250.0);
  REQUIRE(s.load->stages.size() == 2);
  CHECK(s.load->stages[0] == Stage{"30s", 100});
  CHECK(s.load->stages[1] == Stage{"1h30m", 250});
  CHECK(s.load->duration == "2h");
  CHECK(s.load->count == 1000000u);
  CHECK(s.load->timeout == "5s");
  CHECK(s.load->keep_alive == false);
  CHECK(s.load->http2 == true);
  CHECK(s.load->insecure == true);
  CHECK(s.load->check_length == true);

  CHECK(s.leak.warmup == "3m");
  CHECK(s.leak.min_growth_per_hour == "4MiB");
  CHECK(s.leak.min_growth_percent_per_hour == 5.0);
  CHECK(s.leak.alpha == 0.05);
  CHECK(s.leak.min_window == "2m");
  CHECK(s.leak.min_window_fast == "45s");
  CHECK(s.leak.max_gap == "45s");

  CHECK(s.report.title == "Every key, charted");
  CHECK(s.report.series == std::vector<std::string>{"language_processor.cache_size", "exporter/process_open_fds"});
}

TEST_CASE("keys left out stay unwritten in the model") {
  const auto parsed = parse_scenario(lh::test::kSmallest);
  REQUIRE(parsed.ok());
  const Scenario& s = parsed.scenario;
  CHECK(s.name.empty());
  CHECK(s.probes.interval.empty());
  CHECK_FALSE(s.load->concurrency);
  CHECK_FALSE(s.load->keep_alive);
  CHECK_FALSE(s.load->requests[0].weight);
  CHECK_FALSE(s.load->requests[0].body);
  CHECK(s.leak == Leak{});
  CHECK(s.report == Report{});
}

TEST_CASE("every problem is reported at once, each with its path and what was expected") {
  const auto parsed = parse_scenario(R"({
    "leakhound_scenario": 1,
    "target": "http://127.0.0.1:8000",
    "probes": {"sources": ["/memory-stats"], "interval": "50ms"},
    "load": {
      "requests": [{"path": "/a", "weight": 0}],
      "stages": [{"duration": "30s", "target": 10}, {"duration": -5, "target": 10}],
      "concurrency": 0,
      "duration": "5 minutes"
    }
  })");
  INFO(listed(parsed.problems));
  CHECK(parsed.problems.size() == 5);
  CHECK(has_problem(parsed.problems, "load.stages[1].duration", R"(expected a duration such as "30s" or "10m", got -5)"));
  CHECK(has_problem(parsed.problems, "load.duration", R"(expected a duration such as "30s" or "10m", got "5 minutes")"));
  CHECK(has_problem(parsed.problems, "probes.interval", R"(expected at least 100ms, got "50ms")"));
  CHECK(has_problem(parsed.problems, "load.concurrency", "expected at least 1, got 0"));
  CHECK(has_problem(parsed.problems, "load.requests[0].weight", "expected a positive number, got 0"));
  CHECK(parsed.problems.front().text().find(": ") != std::string::npos);
}

TEST_CASE("the probe interval's range is the probe's rule, quoting the value as written") {
  const auto parsed = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["port:1"], "interval": "2d", "timeout": "25h"}, "load": {"requests": [{"path": "/"}], "count": 1}})");
  INFO(listed(parsed.problems));
  CHECK(parsed.problems.size() == 2);
  CHECK(has_problem(parsed.problems, "probes.interval", R"(expected at most 24h 00m, got "2d")"));
  CHECK(has_problem(parsed.problems, "probes.timeout", R"(expected at most 24h 00m, got "25h")"));
}

TEST_CASE("unknown keys are problems that list the known keys") {
  const auto parsed = parse_scenario(R"({
    "leakhound_scenario": 1, "target": "http://h:1", "targt": "x",
    "probes": {"sources": ["port:1"], "intervall": "1s"},
    "load": {"requests": [{"path": "/", "bdy": "x"}], "count": 1}
  })");
  INFO(listed(parsed.problems));
  CHECK(parsed.problems.size() == 3);
  CHECK(has_problem(parsed.problems, "targt",
                    "unknown key; expected one of leakhound_scenario, name, description, target, probes, load, leak, report"));
  CHECK(has_problem(parsed.problems, "probes.intervall", "expected one of sources, interval, timeout, watch, memory_limit"));
  CHECK(has_problem(parsed.problems, "load.requests[0].bdy", "body, body_file, content_type"));
}

TEST_CASE("a newer format says so, and only that") {
  const auto parsed = parse_scenario(R"({"leakhound_scenario": 2, "workloads": [], "target": 5, "target": 6})");
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].text() == "leakhound_scenario: written by a newer LeakHound: format 2, this version reads 1");
}

TEST_CASE("the format version must be there, and be a number") {
  auto parsed = parse_scenario(R"({"target": "http://h:1"})");
  CHECK(has_problem(parsed.problems, "leakhound_scenario", "missing; a scenario file starts with"));
  CHECK(has_problem(parsed.problems, "probes", "missing"));
  // No "load" is a session that only watches, not a problem.
  CHECK_FALSE(has_problem(parsed.problems, "load", ""));
  parsed = parse_scenario(R"({"leakhound_scenario": "1"})");
  CHECK(has_problem(parsed.problems, "leakhound_scenario", R"(expected the format version 1, got "1")"));
  parsed = parse_scenario("[1, 2]");
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].path.empty());
}

TEST_CASE("a JSON syntax error names its line and column") {
  const auto parsed = parse_scenario("{\n  \"leakhound_scenario\": 1,\n  \"load\": {\"count\": 1,}\n}\n");
  REQUIRE(parsed.problems.size() == 1);
  INFO(parsed.problems[0].message);
  CHECK(parsed.problems[0].path.empty());
  CHECK(parsed.problems[0].message.starts_with("invalid JSON at line 3, column "));
}

TEST_CASE("a key given twice is a problem, with the path of the second") {
  const auto parsed = parse_scenario(R"({
    "leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["port:1"]},
    "load": {"requests": [{"path": "/", "headers": {"A": "1", "A": "2"}}, {"path": "/", "path": "/x"}], "count": 5},
    "target": "http://h:2"
  })");
  INFO(listed(parsed.problems));
  CHECK(parsed.problems.size() == 3);
  CHECK(has_problem(parsed.problems, "load.requests[0].headers.A", "given twice; keep one"));
  CHECK(has_problem(parsed.problems, "load.requests[1].path", "given twice"));
  CHECK(has_problem(parsed.problems, "target", "given twice"));
}

TEST_CASE("types and ranges of every kind of value") {
  const auto parsed = parse_scenario(R"({
    "leakhound_scenario": 1, "name": 42, "target": "ftp://h",
    "probes": {"sources": "port:1", "memory_limit": "0GiB", "watch": ""},
    "load": {"requests": [{"path": "a", "headers": ["A: b"], "body": 17, "method": "PO ST"}],
             "concurrency": "8", "rate": 0, "count": 1.5, "keep_alive": "yes"},
    "leak": {"alpha": 0.7, "min_growth_percent_per_hour": "2%", "warmup": "0s"},
    "report": {"series": ["rss", ""]}
  })");
  INFO(listed(parsed.problems));
  const auto& p = parsed.problems;
  CHECK(has_problem(p, "name", "expected a non-empty string, got 42"));
  CHECK(has_problem(p, "target", R"(expected an http:// or https:// URL such as http://127.0.0.1:8000, got "ftp://h")"));
  CHECK(has_problem(p, "probes.sources", R"(expected a list [ … ], got "port:1")"));
  CHECK(has_problem(p, "probes.memory_limit", "expected a positive size"));
  CHECK(has_problem(p, "probes.watch", R"(expected a non-empty string, got "")"));
  CHECK(has_problem(p, "load.requests[0].path", R"(expected a path starting with / such as "/segment", got "a")"));
  CHECK(has_problem(p, "load.requests[0].headers", "expected an object of headers"));
  CHECK(has_problem(p, "load.requests[0].body", "expected a string, or an object or list sent as JSON, got 17"));
  CHECK(has_problem(p, "load.requests[0].method", R"(expected an HTTP method such as GET or POST, got "PO ST")"));
  CHECK(has_problem(p, "load.concurrency", R"(got "8")"));
  CHECK(has_problem(p, "load.rate", "expected a positive number of requests per second, got 0"));
  CHECK(has_problem(p, "load.count", "expected a whole number of requests, got 1.5"));
  CHECK(has_problem(p, "load.keep_alive", R"(expected true or false, got "yes")"));
  CHECK(has_problem(p, "leak.alpha", "expected a significance level between 0 and 0.5, such as 0.01, got 0.7"));
  CHECK(has_problem(p, "leak.min_growth_percent_per_hour", R"(expected a percentage from 0 to 1000, got "2%")"));
  CHECK(has_problem(p, "report.series[1]", R"(expected a non-empty string, got "")"));
  // "0s" is a warm-up of nothing: allowed.
  for (const auto& problem : p) CHECK(problem.path != "leak.warmup");
  CHECK(p.size() == 16);
}

TEST_CASE("requests: path or url, one body at most, an end to the run") {
  const auto parsed = parse_scenario(R"({
    "leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["port:1"]},
    "load": {"requests": [{"path": "/a", "url": "http://h:1/a", "body": "x", "upload": "."},
                          {"upload_field": "doc"}],
             "concurrency": 50, "stages": [{"target": 200000}]}
  })");
  INFO(listed(parsed.problems));
  const auto& p = parsed.problems;
  CHECK(has_problem(p, "load.requests[0]", R"(give "path" (joined to the target) or "url", not both)"));
  CHECK(has_problem(p, "load.requests[0]", R"(give one of "body", "body_file" and "upload", not several)"));
  CHECK(has_problem(p, "load.requests[1]", R"(missing "path" (joined to the target) or "url")"));
  CHECK(has_problem(p, "load.requests[1].upload_field", R"(goes with "upload", which is missing)"));
  CHECK(has_problem(p, "load.stages[0]", R"(missing "duration")"));
  CHECK(has_problem(p, "load.stages[0].target", "the limit is 20000 connections (without a rate, a stage's target is the concurrency), got 200000"));
  CHECK(p.size() == 6);

  const auto endless = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["port:1"]}, "load": {"requests": [{"path": "/"}], "concurrency": 20, "count": 10}})");
  CHECK(has_problem(endless.problems, "load.concurrency", "cannot be more than the number of requests (20 > 10)"));
  const auto never = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["port:1"]}, "load": {"requests": [{"path": "/"}]}})");
  CHECK(has_problem(never.problems, "load", R"(expected "duration", "count" or "stages": the run would never end)"));
}

TEST_CASE("probe sources: monitor's forms, relative ones, objects with headers and labels") {
  const auto parsed = parse_scenario(R"({
    "leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["foo=/memory-stats", "pid:abc", "memory-stats", "",
                           {"source": "port:8002", "headers": {"X-Token": "t"}}, {"label": "x"},
                           "aspnet-health=/health", "${ENV:PROBE_URL}"]},
    "load": {"requests": [{"path": "/"}], "count": 1}
  })");
  INFO(listed(parsed.problems));
  const auto& p = parsed.problems;
  CHECK(has_problem(p, "probes.sources[0]", R"(unknown preset "foo")"));
  CHECK(has_problem(p, "probes.sources[1]", R"(expected pid:N with N a process id, got "abc")"));
  CHECK(has_problem(p, "probes.sources[2]", "or, relative to the target, a path such as /memory-stats"));
  CHECK(has_problem(p, "probes.sources[3]", "expected a source such as"));
  CHECK(has_problem(p, "probes.sources[4].headers", "headers only go with a URL or prom: source"));
  CHECK(has_problem(p, "probes.sources[5]", R"(missing "source")"));
  CHECK(p.size() == 6);
  // The good ones are kept; the bad ones left out of the model.
  REQUIRE(parsed.scenario.probes.sources.size() == 3);
  CHECK(parsed.scenario.probes.sources[1].source == "aspnet-health=/health");
}

TEST_CASE("a source with a line break is quoted escaped, on its problem's one line") {
  // Found by fuzz_scenario: the relative-path and preset problems wrapped
  // the source in bare quotes, so a JSON "\n" broke the line.
  const auto parsed = parse_scenario(R"({
    "leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/memory(\name\bf,,", "se\ngmentation=/m", "pid:1\n2", "http://h:1/a b\r\nX: 1",
                           {"source": "/a\tb"}]},
    "load": {"requests": [{"path": "/"}], "count": 1}
  })");
  INFO(listed(parsed.problems));
  const auto& p = parsed.problems;
  CHECK(has_problem(p, "probes.sources[0]", R"(expected a path such as /memory-stats, got "/memory(\name\x08f,,")"));
  CHECK(has_problem(p, "probes.sources[1]", R"(unknown preset "se\ngmentation"; expected)"));
  CHECK(has_problem(p, "probes.sources[2]", R"(expected pid:N with N a process id, got "1\n2")"));
  CHECK(has_problem(p, "probes.sources[4].source", R"(got "/a\tb")"));
  CHECK(p.size() == 5);
  for (const auto& problem : p) {
    CHECK(problem.text().find_first_of("\r\n\t\b") == std::string::npos);
    CHECK(problem.message.find("source \"") == std::string::npos);  // the path says which source
  }
}

TEST_CASE("malformed references are problems where they are written") {
  const auto parsed = parse_scenario(R"({
    "leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["port:1"]},
    "load": {"requests": [{"path": "/", "headers": {"X-Api-Key": "${TOKEN}"}, "body": {"a": ["${ENV:}"]}}], "count": 1}
  })");
  INFO(listed(parsed.problems));
  CHECK(has_problem(parsed.problems, "load.requests[0].headers.X-Api-Key",
                    R"(expected ${ENV:NAME} with NAME made of letters, digits and _, got "${TOKEN}" (write $${ for a literal ${))"));
  CHECK(has_problem(parsed.problems, "load.requests[0].body.a[0]", R"(got "${ENV:}")"));
  CHECK(parsed.problems.size() == 2);
}

TEST_CASE("read_scenario throws every problem in one error, one line each") {
  try {
    read_scenario(R"({"leakhound_scenario": 1, "target": 1, "probes": {"sources": []}, "load": {"count": 0}})");
    FAIL("no error");
  } catch (const ScenarioError& e) {
    const std::string text = e.what();
    CHECK(e.problems().size() == 4);
    CHECK(std::count(text.begin(), text.end(), '\n') == 3);
    CHECK(text.find("target: expected a non-empty string, got 1") != std::string::npos);
    CHECK(text.find("load.count: expected at least 1 request, got 0") != std::string::npos);
  }
}

TEST_CASE("a long value is cut in a problem, never inside a character") {
  const auto parsed = parse_scenario(R"({"leakhound_scenario": 1, "name": ["ééééééééééééééééééééééééééééééééééééééé"]})");
  REQUIRE_FALSE(parsed.problems.empty());
  const std::string& message = parsed.problems.front().message;
  INFO(message);
  CHECK(message.starts_with("expected a non-empty string, got [\"éé"));
  CHECK(message.ends_with("é..."));
}

TEST_CASE("load values past bench's limits are problems naming the limit and the value") {
  const auto parsed = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]},
    "load": {"requests": [{"path": "/", "headers": {"X\r\nY": "1"}}], "concurrency": 50000, "rate": 1e8,
             "count": 9007199254740993, "stages": [{"duration": "1m", "target": 20000000}]}})");
  INFO(listed(parsed.problems));
  const auto& p = parsed.problems;
  CHECK(has_problem(p, "load.concurrency", "the limit is 20000 connections, got 50000"));
  CHECK(has_problem(p, "load.rate", "the limit is 10000000 requests per second, got 100000000.0"));
  CHECK(has_problem(p, "load.count", "the limit is 9007199254740992 requests, got 9007199254740993"));
  CHECK(has_problem(p, "load.stages[0].target", "the limit is 10000000 requests per second, got 20000000"));
  // A key with a line break is named escaped, on the problem's one line.
  CHECK(has_problem(p, "load.requests[0].headers[\"X\\r\\nY\"]", "expected a header name"));
  for (const auto& problem : p) CHECK(problem.text().find('\n') == std::string::npos);
}

TEST_CASE("a number a double cannot hold is a problem at its path, never an abort") {
  // nlohmann throws out_of_range.406 on these: validate and run aborted.
  const std::string head = R"({"leakhound_scenario": 1, "target": "http://h:1", "probes": {"sources": ["port:1"]}, )";
  const std::string digits(400, '7');
  const std::vector<std::pair<std::string, std::string>> cases{
      {head + R"("load": {"requests": [{"path": "/"}], "concurrency": 1e400, "count": 5}})", "load.concurrency"},
      {head + R"("load": {"requests": [{"path": "/"}], "rate": -1E+999, "count": 5}})", "load.rate"},
      {head + R"("load": {"requests": [{"path": "/", "body": [1, {"n": )" + digits + "}]}]}}", "load.requests[0].body[1].n"},
      {R"({"leakhound_scenario": 1e309})", "leakhound_scenario"},
      {"[0, 1e400]", "[1]"},
      {"1e400", ""},
  };
  for (const auto& [text, path] : cases) {
    INFO(text.substr(0, 200));
    ParsedScenario parsed;
    REQUIRE_NOTHROW(parsed = parse_scenario(text));
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].path == path);
    CHECK(parsed.problems[0].message.starts_with("expected a number a double can hold (at most about 1.8e308), got "));
    CHECK(parsed.problems[0].text().find('\n') == std::string::npos);
  }
  // Too small is no problem for a double: it reads as 0 and the field's
  // range says the rest.
  const auto tiny = parse_scenario(head + R"("load": {"requests": [{"path": "/"}], "rate": 1e-400, "count": 5}})");
  CHECK(has_problem(tiny.problems, "load.rate", "expected a positive number of requests per second, got 0.0"));
}

TEST_CASE("one number policy: whole is a value, not a spelling, and huge or negative integers name their field") {
  const std::string head = R"({"leakhound_scenario": 1.0, "target": "http://h:1", "probes": {"sources": ["port:1"]}, )";
  for (const char* concurrency : {"8", "8.0", "8e0", "0.8e1"}) {
    const auto parsed = parse_scenario(head + R"("load": {"requests": [{"path": "/"}], "count": 10, "concurrency": )" +
                                       concurrency + "}}");
    INFO(concurrency << "\n" << listed(parsed.problems));
    REQUIRE(parsed.ok());
    CHECK(parsed.scenario.load->concurrency == 8);
  }
  const auto bad = parse_scenario(head + R"("load": {"requests": [{"path": "/"}], "concurrency": -5,
      "count": 18446744073709551616, "stages": [{"duration": "1m", "target": 9007199254740993}]}})");
  INFO(listed(bad.problems));
  CHECK(has_problem(bad.problems, "load.concurrency", "got -5"));
  CHECK(has_problem(bad.problems, "load.count", "got 1.8446744073709552e+19"));
  CHECK(has_problem(bad.problems, "load.stages[0].target", "got 9007199254740993"));
  // A count past 2^53 cannot be exact: out of range, not rounded.
  const auto inexact = parse_scenario(head + R"("load": {"requests": [{"path": "/"}], "count": 9007199254740993}})");
  CHECK(has_problem(inexact.problems, "load.count", "got 9007199254740993"));
  CHECK(parse_scenario(R"({"leakhound_scenario": 18446744073709551615})").problems[0].message ==
        "expected the format version 1, got 18446744073709551615");
}

TEST_CASE("nesting stops at a named depth, with the path where it did") {
  std::string body;
  for (std::size_t i = 0; i < 10000; ++i) body += R"({"a":)";
  body += "1" + std::string(10000, '}');
  const auto parsed = parse_scenario(R"({"leakhound_scenario": 1, "load": {"requests": [{"path": "/", "body": )" + body + "}]}}");
  REQUIRE(parsed.problems.size() == 1);
  std::string path = "load.requests[0].body";
  for (std::size_t level = 4; level < kMaxNesting; ++level) path += ".a";  // 4 levels above the body
  CHECK(parsed.problems[0].path == path);
  CHECK(parsed.problems[0].message == "nested deeper than 64 levels; a scenario holds at most 64");
  // Within the limit, a deep body is read.
  std::string ok_body;
  for (std::size_t i = 0; i < 40; ++i) ok_body += "[";
  ok_body += std::string(40, ']');
  const auto fine = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1", "probes": {"sources": ["port:1"]},
      "load": {"requests": [{"path": "/", "body": )" + ok_body + R"(}], "count": 5}})");
  INFO(listed(fine.problems));
  CHECK(fine.ok());
}

TEST_CASE("a NUL byte is invalid JSON, not the end of the file") {
  const std::string text = std::string(R"({"leakhound_scenario": 1})") + '\0' + "garbage";
  const auto parsed = parse_scenario(text);
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].text() == "invalid JSON: a NUL byte at offset 25 (JSON holds none)");
}

TEST_CASE("a scenario without load only watches: how long, and what counts its requests") {
  auto parsed = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["conversion=/health"], "request_counter": "conversion/conversions", "duration": "10m"}})");
  INFO(listed(parsed.problems));
  REQUIRE(parsed.ok());
  CHECK_FALSE(parsed.scenario.load);
  CHECK(parsed.scenario.probes.request_counter == "conversion/conversions");
  CHECK(parsed.scenario.probes.duration == "10m");

  parsed = parse_scenario(R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/health"], "request_counter": "", "duration": "a while"}})");
  CHECK(has_problem(parsed.problems, "probes.request_counter", "expected"));
  CHECK(has_problem(parsed.problems, "probes.duration", R"(expected a duration such as "30s" or "10m", got "a while")"));
  CHECK(parsed.problems.size() == 2);
}
