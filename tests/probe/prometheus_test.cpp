// The Prometheus text format from fixtures (what client libraries really
// serve, and its corners), malformed lines, and counters turned into rates.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "probe/prometheus_metrics.h"
#include "probe/prometheus_text.h"

using namespace lh::probe;
using Catch::Matchers::Contains;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(LH_SOURCE_DIR) + "/tests/probe/fixtures/prometheus/" + name);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::map<std::string, const PromSample*> by_name(const PromText& text) {
  std::map<std::string, const PromSample*> out;
  for (const auto& s : text.samples) out[series_name(s)] = &s;
  return out;
}

std::map<std::string, double> values(const std::vector<Metric>& metrics) {
  std::map<std::string, double> out;
  for (const auto& m : metrics) out[m.name] = m.value;
  return out;
}

}  // namespace

TEST_CASE("a Python client's process metrics, counters and gauges") {
  const PromText text = parse_prometheus_text(fixture("python_client.prom"));
  REQUIRE_FALSE(text.error);
  REQUIRE(text.samples.size() == 9);
  const auto s = by_name(text);
  CHECK(s.at("process_resident_memory_bytes")->value == 518762496.0);
  CHECK(s.at("process_resident_memory_bytes")->type == PromType::gauge);
  CHECK(s.at("process_cpu_seconds_total")->type == PromType::counter);
  CHECK(s.at("python_gc_objects_collected_total{generation=\"1\"}")->value == 2519.0);
  CHECK(s.at("process_start_time_seconds")->value == Approx(1717161717.12));
}

TEST_CASE("histogram and summary TYPEs cover their suffixed samples") {
  const PromText h = parse_prometheus_text(fixture("histogram.prom"));
  REQUIRE_FALSE(h.error);
  REQUIRE(h.samples.size() == 6);
  for (const auto& s : h.samples) CHECK(s.type == PromType::histogram);
  const auto hs = by_name(h);
  CHECK(hs.at("http_request_duration_seconds_bucket{le=\"+Inf\",path=\"/segment\"}")->value == 144320);
  CHECK(hs.at("http_request_duration_seconds_count{path=\"/segment\"}")->value == 144320);

  const PromText s = parse_prometheus_text(fixture("summary.prom"));
  REQUIRE_FALSE(s.error);
  REQUIRE(s.samples.size() == 5);
  for (const auto& x : s.samples) CHECK(x.type == PromType::summary);
  CHECK(by_name(s).at("rpc_duration_seconds{quantile=\"0.99\"}")->value == 76656);
}

TEST_CASE("label values keep their escapes and odd characters") {
  const PromText text = parse_prometheus_text(fixture("escapes.prom"));
  REQUIRE_FALSE(text.error);
  REQUIRE(text.samples.size() == 5);
  const auto& first = text.samples[0].labels;
  REQUIRE(first.size() == 3);
  CHECK(first[0].second == "C:\\DIR\\FILE.TXT");
  CHECK(first[1].second == "say \"hi\"");
  CHECK(first[2].second == "two\nlines");
  // The canonical name escapes again and sorts labels: stable across scrapes.
  CHECK(series_name(text.samples[0]) ==
        R"(requests_in_flight{nl="two\nlines",path="C:\\DIR\\FILE.TXT",quote="say \"hi\""})");
  CHECK(series_name(text.samples[1]) == R"(requests_in_flight{a="{}",b="x,y=z}"})");
  CHECK(series_name(text.samples[2]) == R"(requests_in_flight{trailing="comma"})");
  CHECK(text.samples[3].labels[1].second == "çöğü 日本");
  CHECK(series_name(text.samples[4]) == "requests_in_flight");
}

TEST_CASE("NaN, infinities, exponents and timestamps") {
  const PromText text = parse_prometheus_text(fixture("special_values.prom"));
  REQUIRE_FALSE(text.error);
  const auto s = by_name(text);
  REQUIRE(s.size() == 8);
  CHECK(std::isnan(s.at("temperature{sensor=\"broken\"}")->value));
  CHECK(s.at("temperature{sensor=\"hot\"}")->value == INFINITY);
  CHECK(s.at("temperature{sensor=\"cold\"}")->value == -INFINITY);
  CHECK(s.at("temperature{sensor=\"huge\"}")->value == INFINITY);
  CHECK(s.at("temperature{sensor=\"exp\"}")->value == Approx(-0.0015));
  CHECK(s.at("temperature{sensor=\"stamped\"}")->value == 21.5);
  CHECK(s.at("temperature{sensor=\"indented\"}")->value == 19);
}

TEST_CASE("comments, blank lines, CRLF and samples without a TYPE") {
  const PromText text = parse_prometheus_text(fixture("comments_no_type.prom"));
  REQUIRE_FALSE(text.error);
  const auto s = by_name(text);
  REQUIRE(s.size() == 4);
  CHECK(s.at("documented_but_untyped")->type == PromType::untyped);
  CHECK(s.at("jobs_done_total")->type == PromType::untyped);
  CHECK(s.at("queue_length")->value == 3);
  CHECK(s.at("late_type")->type == PromType::gauge);
  CHECK(parse_prometheus_text("").samples.empty());
  CHECK_FALSE(parse_prometheus_text("").error);
}

TEST_CASE("one malformed line makes the whole scrape bad, naming the line") {
  auto error = [](const std::string& text) { return parse_prometheus_text(text).error.value_or("(no error)"); };
  CHECK(error("ok 1\nbad\n") == "line 2: expected a value after bad");
  CHECK_THAT(error("x{a=\"1\" 2"), Contains("line 1: expected ',' or '}' after a label value"));
  CHECK_THAT(error("x{a=1} 2"), Contains("expected '\"' to open a label value"));
  CHECK_THAT(error("x{a=\"1} 2"), Contains("a label value is never closed"));
  CHECK_THAT(error("x{a=\"\\q\"} 2"), Contains("unknown escape \\q"));
  CHECK_THAT(error("x{a=\"1\\"), Contains("ends in a backslash"));
  CHECK_THAT(error("x{1a=\"1\"} 2"), Contains("expected a label name"));
  CHECK_THAT(error("x{a:b=\"1\"} 2"), Contains("expected '=' after a label name"));
  CHECK_THAT(error("x{a \"1\"} 2"), Contains("expected '=' after a label name"));
  CHECK_THAT(error("9lives 1"), Contains("expected a metric name"));
  CHECK_THAT(error("x one"), Contains("expected a number, NaN or +Inf as the value, got \"one\""));
  CHECK_THAT(error("x 1.2.3"), Contains("got \"1.2.3\""));
  CHECK_THAT(error("x 1 12.5"), Contains("expected a timestamp in milliseconds"));
  CHECK_THAT(error("x 1 12 extra"), Contains("unexpected text after the timestamp"));
  CHECK_THAT(error("# TYPE x countr\nx 1"), Contains("unknown metric type \"countr\" for x"));
  CHECK_THAT(error("# TYPE 5x gauge"), Contains("expected a metric name"));
  CHECK_THAT(error("<html><body>502 Bad Gateway</body></html>"), Contains("line 1: expected a metric name"));
  CHECK(parse_prometheus_text("ok 1\nbad\n").samples.empty());
}

TEST_CASE("counters become rates, CPU seconds become CPU %, start time is identity") {
  PrometheusMetrics converter;
  auto scrape = [&](double cpu_s, double requests, double t_s) {
    const std::string text =
        "# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total " + std::to_string(cpu_s) +
        "\n# TYPE demo_requests_total counter\ndemo_requests_total{endpoint=\"segment\"} " + std::to_string(requests) +
        "\nhits_total 5\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes 1048576\n"
        "process_start_time_seconds 1700000000\n";
    const PromText parsed = parse_prometheus_text(text);
    REQUIRE_FALSE(parsed.error);
    return converter.convert(parsed.samples, t_s);
  };

  const auto first = scrape(10.0, 100, 1.0);
  const auto v1 = values(first.metrics);
  REQUIRE(v1.size() == 4);
  CHECK(std::isnan(v1.at("process_cpu_percent")));  // no rate from one scrape
  CHECK(std::isnan(v1.at("demo_requests_per_s{endpoint=\"segment\"}")));
  CHECK(std::isnan(v1.at("hits_per_s")));  // `_total` without a TYPE is a counter too
  CHECK(v1.at("process_resident_memory_bytes") == 1048576);
  CHECK_FALSE(v1.contains("process_start_time_seconds"));
  CHECK(first.identity.start_s == 1700000000);

  const auto v2 = values(scrape(10.5, 300, 3.0).metrics);
  CHECK(v2.at("process_cpu_percent") == Approx(25.0));  // 0.5 s of CPU in 2 s
  CHECK(v2.at("demo_requests_per_s{endpoint=\"segment\"}") == Approx(100.0));
  CHECK(v2.at("hits_per_s") == 0.0);

  // A reset (the service restarted) counts from zero, as rate() does.
  const auto v3 = values(scrape(0.2, 50, 4.0).metrics);
  CHECK(v3.at("process_cpu_percent") == Approx(20.0));
  CHECK(v3.at("demo_requests_per_s{endpoint=\"segment\"}") == Approx(50.0));
}

TEST_CASE("garbage never throws, and whatever parses keeps its names when written again") {
  std::uint64_t state = 12345;
  auto next = [&](std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33) % n;
  };
  auto pick = [&](std::initializer_list<const char*> options) { return std::string(options.begin()[next(options.size())]); };
  // Lines that are mostly well formed, with pieces that are not, and now
  // and then a byte flipped anywhere.
  auto line = [&] {
    if (next(6) == 0) return pick({"# TYPE a counter", "# HELP a x", "#", "", "# TYPE b summary", "# TYPE a_b histogram"});
    std::string out;
    for (std::size_t i = 0, n = 1 + next(5); i < n; ++i) out += "ab_:c9"[next(i == 0 ? 5 : 6)];
    if (next(2) == 0) {
      out += "{";
      for (std::size_t i = 0, n = next(4); i < n; ++i) {
        out += std::string(1, "xyz_"[next(4)]) + pick({"=", " = ", ""}) + "\"";
        for (std::size_t k = 0, m = next(6); k < m; ++k) out += pick({"a", "\\\\", "\\\"", "\\n", ",", "}", "{", "=", " ", "é", "\\q"});
        out += pick({"\"", "\",", "\", ", ""});
      }
      out += pick({"}", "", ",}"});
    }
    out += pick({" ", "\t", ""}) + pick({"1", "0.5", "NaN", "+Inf", "-Inf", "-1e3", "x", "", "1 123", "1 1.5", "7 -5"});
    return out;
  };
  std::size_t parsed_ok = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t i = 0, n = 1 + next(5); i < n; ++i) text += line() + "\n";
    if (next(3) == 0) text[next(text.size())] = static_cast<char>(next(256));
    PromText parsed;
    REQUIRE_NOTHROW(parsed = parse_prometheus_text(text));
    if (parsed.error || parsed.samples.empty()) continue;
    ++parsed_ok;
    std::string again;
    for (const auto& sample : parsed.samples) again += series_name(sample) + " 1\n";
    const PromText reparsed = parse_prometheus_text(again);
    REQUIRE_FALSE(reparsed.error);
    REQUIRE(reparsed.samples.size() == parsed.samples.size());
    for (std::size_t i = 0; i < parsed.samples.size(); ++i) {
      REQUIRE(series_name(reparsed.samples[i]) == series_name(parsed.samples[i]));
    }
  }
  CHECK(parsed_ok > 100);  // the round trip was actually exercised
}
