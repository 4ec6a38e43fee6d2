// The Prometheus text format and OpenMetrics from fixtures (what client
// libraries really serve, and its corners), lines Prometheus would not take
// (skipped, never the whole scrape), counters turned into rates, and the
// limits of one scrape. The other projects' test suites: conformance_test.cpp.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "probe/metric_collector.h"
#include "probe/prometheus_metrics.h"
#include "probe/prometheus_text.h"

using namespace lh::probe;
using namespace std::string_literals;
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

// One scrape through the converter, as HttpSource reads it.
struct Scrape {
  std::vector<Metric> metrics;
  Identity identity;
  PromLines lines;
  std::vector<ReadNote> notes;
};

Scrape scrape(PrometheusMetrics& converter, const std::string& text, double t_s,
              PromFormat format = PromFormat::text, const SourceLimits& limits = {}) {
  MetricCollector collector(limits, "");
  const auto read = converter.read(text, format, t_s, collector);
  auto collected = std::move(collector).finish();
  return {std::move(collected.metrics), read.identity, read.lines, std::move(collected.notes)};
}

std::string first_problem(const std::string& text, PromFormat format = PromFormat::text) {
  return parse_prometheus_text(text, format).lines.first_problem.value_or("(no problem)");
}

}  // namespace

TEST_CASE("a Python client's process metrics, counters and gauges") {
  const PromText text = parse_prometheus_text(fixture("python_client.prom"));
  REQUIRE(text.lines.skipped == 0);
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
  REQUIRE(h.lines.skipped == 0);
  REQUIRE(h.samples.size() == 6);
  for (const auto& s : h.samples) CHECK(s.type == PromType::histogram);
  const auto hs = by_name(h);
  CHECK(hs.at("http_request_duration_seconds_bucket{le=\"+Inf\",path=\"/segment\"}")->value == 144320);
  CHECK(hs.at("http_request_duration_seconds_count{path=\"/segment\"}")->value == 144320);

  const PromText s = parse_prometheus_text(fixture("summary.prom"));
  REQUIRE(s.lines.skipped == 0);
  REQUIRE(s.samples.size() == 5);
  for (const auto& x : s.samples) CHECK(x.type == PromType::summary);
  CHECK(by_name(s).at("rpc_duration_seconds{quantile=\"0.99\"}")->value == 76656);
}

TEST_CASE("label values keep their escapes and odd characters") {
  const PromText text = parse_prometheus_text(fixture("escapes.prom"));
  REQUIRE(text.lines.skipped == 0);
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

TEST_CASE("NaN, infinities, exponents and timestamps, as Prometheus reads them") {
  const PromText text = parse_prometheus_text(fixture("special_values.prom"));
  const auto s = by_name(text);
  REQUIRE(s.size() == 6);
  CHECK(std::isnan(s.at("temperature{sensor=\"broken\"}")->value));
  CHECK(s.at("temperature{sensor=\"hot\"}")->value == INFINITY);
  CHECK(s.at("temperature{sensor=\"cold\"}")->value == -INFINITY);
  CHECK(s.at("temperature{sensor=\"exp\"}")->value == Approx(-0.0015));
  CHECK(s.at("temperature{sensor=\"stamped\"}")->value == 21.5);
  CHECK(s.at("temperature{sensor=\"indented\"}")->value == 19);
  // Go's ParseFloat refuses 1e999 (out of range) and Prometheus' lexer a
  // timestamp with a sign: those two lines are skipped, the rest is read.
  CHECK(text.lines.skipped == 2);
  CHECK(text.lines.first_problem == "line 5: expected a number, NaN or +Inf as the value, got \"1e999\"");
}

TEST_CASE("values are what Go's ParseFloat takes, minus hex and underscores, as Prometheus reads them") {
  auto value = [](const std::string& v) -> std::optional<double> {
    const PromText t = parse_prometheus_text("foo " + v + "\n");
    if (t.samples.size() != 1) return std::nullopt;
    return t.samples[0].value;
  };
  // Refused: the issue's `--1` and `+-1`, and what Go refuses.
  for (const char* bad : {"--1", "+-1", "-+1", "++1", "1-", "1e", "e5", ".", "-", "+", "1..2", "1e+", "0x10", "0x1p3",
                          "0X1P-3", "1_000", "1e999", "-1e999", "+nan", "-NaN", "infinit", "inff", "Inf1", "1 2 3",
                          "1,5", "１"}) {
    INFO(bad);
    CHECK_FALSE(value(bad));
  }
  CHECK(value("1") == 1);
  CHECK(value("-1") == -1);
  CHECK(value("+1") == 1);
  CHECK(value(".5") == 0.5);
  CHECK(value("5.") == 5);
  CHECK(value("-.5e-3") == Approx(-0.0005));
  CHECK(value("1E+5") == 100000);
  CHECK(value("007") == 7);
  CHECK(value("1e-999") == 0);  // too small reads as 0, as in Go
  CHECK(value("0.0000000000000000000000000000000000000000000000000001e-300") == 0);
  CHECK(value("1797693134862315708e290") == Approx(1.797693134862315708e308));
  CHECK(value("+Inf") == INFINITY);
  CHECK(value("-inf") == -INFINITY);
  CHECK(value("Infinity") == INFINITY);
  CHECK(value("+INFINITY") == INFINITY);
  CHECK(std::isnan(*value("NaN")));
  CHECK(std::isnan(*value("nan")));
  // Timestamps: an integer of milliseconds in the text format.
  CHECK(parse_prometheus_text("x 1 1395066363000\n").samples.size() == 1);
  CHECK(parse_prometheus_text("x 1 99999999999999999999\n").samples.empty());
  CHECK(parse_prometheus_text("x 1 -5\n").samples.empty());
}

TEST_CASE("comments, blank lines, CRLF and samples without a TYPE") {
  const PromText text = parse_prometheus_text(fixture("comments_no_type.prom"));
  REQUIRE(text.lines.skipped == 0);
  const auto s = by_name(text);
  REQUIRE(s.size() == 4);
  CHECK(s.at("documented_but_untyped")->type == PromType::untyped);
  CHECK(s.at("jobs_done_total")->type == PromType::untyped);
  CHECK(s.at("queue_length")->value == 3);
  CHECK(s.at("late_type")->type == PromType::gauge);
  CHECK(parse_prometheus_text("").samples.empty());
  CHECK(parse_prometheus_text("").lines.skipped == 0);
}

TEST_CASE("a line Prometheus would not take is skipped and counted, and the rest is read") {
  auto error = [](const std::string& text) { return first_problem(text); };
  CHECK(error("ok 1\nbad\n") == "line 2: expected a value after bad");
  CHECK_THAT(error("x{a=\"1\" 2"), Contains("line 1: expected a label name"));
  CHECK_THAT(error("x{a=1} 2"), Contains("expected '\"' to open a label value"));
  CHECK_THAT(error("x{a=\"1} 2"), Contains("a label value is never closed"));
  CHECK_THAT(error("x{a=\"1\\"), Contains("a label value is never closed"));
  CHECK_THAT(error("x{1a=\"1\"} 2"), Contains("expected a label name"));
  CHECK_THAT(error("x{a:b=\"1\"} 2"), Contains("expected '=' after a label name"));
  CHECK_THAT(error("x{a \"1\"} 2"), Contains("expected '=' after a label name"));
  CHECK_THAT(error("x{a=\"1\",a=\"2\"} 2"), Contains("the label a given twice"));
  CHECK_THAT(error("x{__name__=\"y\"} 2"), Contains("a __name__ label beside the metric name"));
  CHECK_THAT(error("x{a=\"\xff\"} 2"), Contains("a label value that is not UTF-8"));
  CHECK_THAT(error("9lives 1"), Contains("expected a metric name"));
  CHECK_THAT(error("x one"), Contains("expected a number, NaN or +Inf as the value, got \"one\""));
  CHECK_THAT(error("x 1.2.3"), Contains("got \"1.2.3\""));
  CHECK_THAT(error("x 1 12.5"), Contains("unexpected text after the timestamp"));
  CHECK_THAT(error("x 1 12 extra"), Contains("unexpected text after the timestamp"));
  CHECK_THAT(error("# TYPE x countr\nx 1"), Contains("unknown metric type \"countr\" for x"));
  CHECK_THAT(error("# TYPE x unknown\nx 1"), Contains("unknown metric type \"unknown\""));  // OpenMetrics' word only
  CHECK_THAT(error("# TYPE 5x gauge"), Contains("expected a metric name"));
  // A name or value with a line break in it is quoted: the problem stays a
  // line (fuzzing found the raw newline of a quoted TYPE name).
  CHECK(error("# TYPE \"a\\nb\" countr\n") == R"(line 1: unknown metric type "countr" for "a\nb")");
  CHECK(error("x 1\x01\n") == R"(line 1: expected a number, NaN or +Inf as the value, got "1\x01")");
  CHECK_THAT(error("# HELP x \xff"), Contains("HELP text that is not UTF-8"));
  CHECK_THAT(error("<html><body>502 Bad Gateway</body></html>"), Contains("line 1: expected a metric name"));
  CHECK_THAT(error("{a=\"1\"} 2"), Contains("no metric name"));
  CHECK_THAT(error(std::string("x\0 1", 4)), Contains("as the value"));

  // One bad line no longer blanks the scrape: the memory series survives
  // lines in OpenMetrics' syntax served as text/plain.
  const std::string mixed = "# TYPE process_resident_memory_bytes gauge\n"
                            "process_resident_memory_bytes 5.2e8\n"
                            "http_requests_total{code=\"200\"} 10 # {trace_id=\"abc\"} 1\n"
                            "foo --1\n"
                            "foo +-1\n"
                            "up 1\n";
  const PromText t = parse_prometheus_text(mixed);
  CHECK(t.lines.samples == 2);
  CHECK(t.lines.skipped == 3);
  CHECK(t.lines.first_problem == "line 3: expected a timestamp in milliseconds after the value, or the end of the line");
  CHECK(by_name(t).at("process_resident_memory_bytes")->value == 5.2e8);
  CHECK(by_name(t).at("up")->value == 1);
}

TEST_CASE("what Prometheus' own parser takes that a stricter one would not") {
  // From prometheus/prometheus' promparse_test.go: blanks around labels,
  // labels without commas between them, trailing commas, a name with
  // colons, a tab before the value, blanks and a timestamp.
  const PromText t = parse_prometheus_text(
      "go_gc_duration_seconds { quantile = \"1.0\", a = \"b\" } 8.3835e-05\n"
      "go_gc_duration_seconds { quantile = \"2.0\" a = \"b\" } 8.3835e-05\n"
      "go_gc_duration_seconds { quantile= \"1.0\", a= \"b\", } 8.3835e-05\n"
      "some:aggregate:rate5m{a_b=\"c\"}\t1\n"
      "go_goroutines 33  \t123123\n"
      "_metric_starting_with_underscore 1\n"
      "testmetric{_label_starting_with_underscore=\"foo\"} 1\n"
      "# Hrandom comment starting with prefix of HELP\n#\n# HELP nohelp1\n"
      "null_byte_metric{a=\"abc\x00\"} 1\n"
      "escaped{a=\"x\\qy\"} 2\n"s);
  CHECK(t.lines.skipped == 0);
  REQUIRE(t.samples.size() == 9);
  CHECK(t.samples[1].labels == std::vector<std::pair<std::string, std::string>>{{"quantile", "2.0"}, {"a", "b"}});
  CHECK(t.samples[4].value == 33);
  CHECK(t.samples[7].labels[0].second == std::string("abc\0", 4));
  CHECK(t.samples[8].labels[0].second == "x\\qy");  // an unknown escape stays as written
  CHECK(series_name(t.samples[8]) == R"(escaped{a="x\\qy"})");
}

TEST_CASE("quoted UTF-8 names, Prometheus 3 style, and their canonical form") {
  const PromText t = parse_prometheus_text(
      "# TYPE \"my.metric\" gauge\n"
      "{\"my.metric\", label=\"x\"} 1\n"
      "{\"my.metric\", \"label.with.dots\"=\"y\"} 2\n"
      "{\"ünïcode\"} 3\n"
      "classic{\"odd name\"=\"z\"} 4\n"
      "{\"twice\", \"again\"} 5\n"
      "{\"\"} 6\n");
  REQUIRE(t.samples.size() == 4);
  CHECK(t.lines.skipped == 2);
  CHECK(t.samples[0].name == "my.metric");
  CHECK(t.samples[0].type == PromType::gauge);
  CHECK(series_name(t.samples[0]) == R"({"my.metric",label="x"})");
  CHECK(series_name(t.samples[1]) == R"({"my.metric","label.with.dots"="y"})");
  CHECK(series_name(t.samples[2]) == R"({"ünïcode"})");
  CHECK(series_name(t.samples[3]) == R"(classic{"odd name"="z"})");
  for (const auto& s : t.samples) {
    const PromText again = parse_prometheus_text(series_name(s) + " 1\n");
    REQUIRE(again.samples.size() == 1);
    CHECK(series_name(again.samples[0]) == series_name(s));
  }
}

TEST_CASE("OpenMetrics: exemplars, timestamps in seconds, its types, # EOF") {
  const std::string om =
      "# TYPE http_requests counter\n"
      "# UNIT http_request_seconds seconds\n"
      "# HELP http_requests Requests.\n"
      "http_requests_total{code=\"200\"} 1027 1395066363.123 # {trace_id=\"KOO5S4vxi0o\"} 0.67\n"
      "http_requests_total{code=\"500\"} 3 # {trace_id=\"oHg5SJYRHA0\"} 9.8 1520879607.789\n"
      "http_requests_created{code=\"200\"} 1395066000\n"
      "# TYPE build info\n"
      "build_info{version=\"1.2\"} 1\n"
      "# TYPE feature stateset\n"
      "feature{feature=\"a\"} 1\n"
      "# TYPE queue gaugehistogram\n"
      "queue_bucket{le=\"+Inf\"} 4\n"
      "queue_gcount 4\n"
      "# TYPE other unknown\n"
      "other 2\n"
      "{\"my.metric\",a=\"b\\q\"} 5\n"
      "# EOF\n";
  const PromText t = parse_prometheus_text(om, PromFormat::openmetrics);
  CHECK(t.lines.skipped == 0);
  const auto s = by_name(t);
  REQUIRE(s.size() == 9);
  CHECK(s.at("http_requests_total{code=\"200\"}")->type == PromType::counter);
  CHECK(s.at("http_requests_total{code=\"200\"}")->value == 1027);
  CHECK(s.at("build_info{version=\"1.2\"}")->type == PromType::info);
  CHECK(s.at("feature{feature=\"a\"}")->type == PromType::stateset);
  CHECK(s.at("queue_gcount")->type == PromType::gaugehistogram);
  CHECK(s.at("other")->type == PromType::untyped);
  CHECK(s.at("{\"my.metric\",a=\"b\\\\q\"}")->value == 5);

  // What OpenMetrics does not allow is counted, never the whole answer.
  CHECK(first_problem("a 1\n", PromFormat::openmetrics) == "line 2: no # EOF at the end: the answer may be cut short");
  CHECK(first_problem("a 1\n# EOF\nb 2\n", PromFormat::openmetrics) == "line 3: text after # EOF");
  CHECK_THAT(first_problem("a 1\n\n# EOF", PromFormat::openmetrics), Contains("line 2: a blank line"));
  CHECK_THAT(first_problem("a  1\n# EOF", PromFormat::openmetrics), Contains("line 1: expected a value"));
  CHECK_THAT(first_problem("# free comment\n# EOF", PromFormat::openmetrics), Contains("no free comments"));
  CHECK_THAT(first_problem("a 1 NaN\n# EOF", PromFormat::openmetrics), Contains("expected a timestamp in seconds"));
  CHECK_THAT(first_problem("a 1 # {x=\"y\"}\n# EOF", PromFormat::openmetrics), Contains("expected a value after the exemplar"));
  CHECK_THAT(first_problem("# UNIT a_bytes seconds\n# EOF", PromFormat::openmetrics), Contains("UNIT"));
  const PromText partly = parse_prometheus_text("a 1\nfoo --1\nb 2\n", PromFormat::openmetrics);
  CHECK(partly.samples.size() == 2);
  CHECK(partly.lines.skipped == 2);  // the bad line, and no # EOF
  // The content type picks the format.
  CHECK(prom_format_of("application/openmetrics-text; version=1.0.0; charset=utf-8") == PromFormat::openmetrics);
  CHECK(prom_format_of("Application/OpenMetrics-Text") == PromFormat::openmetrics);
  CHECK(prom_format_of("text/plain; version=0.0.4") == PromFormat::text);
  CHECK(prom_format_of("") == PromFormat::text);
}

TEST_CASE("counters become rates, CPU seconds become CPU %, start time is identity") {
  PrometheusMetrics converter;
  auto read = [&](double cpu_s, double requests, double t_s) {
    const std::string text =
        "# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total " + std::to_string(cpu_s) +
        "\n# TYPE demo_requests_total counter\ndemo_requests_total{endpoint=\"segment\"} " + std::to_string(requests) +
        "\nhits_total 5\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes 1048576\n"
        "process_start_time_seconds 1700000000\n";
    const Scrape s = scrape(converter, text, t_s);
    REQUIRE(s.lines.skipped == 0);
    return s;
  };

  const auto first = read(10.0, 100, 1.0);
  const auto v1 = values(first.metrics);
  REQUIRE(v1.size() == 4);
  CHECK(std::isnan(v1.at("process_cpu_percent")));  // no rate from one scrape
  CHECK(std::isnan(v1.at("demo_requests_per_s{endpoint=\"segment\"}")));
  CHECK(std::isnan(v1.at("hits_per_s")));  // `_total` without a TYPE is a counter too
  CHECK(v1.at("process_resident_memory_bytes") == 1048576);
  CHECK_FALSE(v1.contains("process_start_time_seconds"));
  CHECK(first.identity.start_s == 1700000000);

  const auto v2 = values(read(10.5, 300, 3.0).metrics);
  CHECK(v2.at("process_cpu_percent") == Approx(25.0));  // 0.5 s of CPU in 2 s
  CHECK(v2.at("demo_requests_per_s{endpoint=\"segment\"}") == Approx(100.0));
  CHECK(v2.at("hits_per_s") == 0.0);

  // A reset (the service restarted) counts from zero, as rate() does.
  const auto v3 = values(read(0.2, 50, 4.0).metrics);
  CHECK(v3.at("process_cpu_percent") == Approx(20.0));
  CHECK(v3.at("demo_requests_per_s{endpoint=\"segment\"}") == Approx(50.0));
}

TEST_CASE("OpenMetrics counters are rates too, and _created (when they began) is not a series") {
  PrometheusMetrics converter;
  const std::string a = "# TYPE jobs counter\njobs_total 10\njobs_created 1.7e9\n# EOF\n";
  const std::string b = "# TYPE jobs counter\njobs_total 16\njobs_created 1.7e9\n# EOF\n";
  CHECK(std::isnan(values(scrape(converter, a, 1.0, PromFormat::openmetrics).metrics).at("jobs_per_s")));
  const auto v = values(scrape(converter, b, 3.0, PromFormat::openmetrics).metrics);
  CHECK(v == std::map<std::string, double>{{"jobs_per_s", 3.0}});
}

TEST_CASE("a rate and a series of the same name stay two columns") {
  PrometheusMetrics converter;
  // A counter `a` (its rate is `a_per_s`) beside a gauge `a_per_s`; `x`
  // and `x_total`, both counters, whose rates are both `x_per_s`.
  const std::string text = "# TYPE a counter\na 10\n# TYPE a_per_s gauge\na_per_s 7\n"
                           "# TYPE x counter\nx 1\n# TYPE x_total counter\nx_total 2\n";
  const Scrape s = scrape(converter, text, 1.0);
  std::vector<std::string> names;
  for (const auto& m : s.metrics) names.push_back(m.name);
  CHECK(names == std::vector<std::string>{"a_per_s", "a_per_s#2", "x_per_s", "x_per_s#2"});
  CHECK(values(s.metrics).at("a_per_s#2") == 7);
  // The same answer again gives the same names, so each keeps its column.
  const Scrape again = scrape(converter, text, 2.0);
  CHECK(values(again.metrics).at("a_per_s") == 0);
  CHECK(values(again.metrics).at("a_per_s#2") == 7);
}

TEST_CASE("a huge scrape keeps the memory series and says which limit it reached") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "series_" + std::to_string(i) + "{label=\"" + std::to_string(i) + "\"} 1\n";
  text += "# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes 4.2e8\n";
  PrometheusMetrics converter;
  const Scrape s = scrape(converter, text, 1.0);
  CHECK(s.metrics.size() == 1001);
  CHECK(values(s.metrics).at("process_resident_memory_bytes") == 4.2e8);
  REQUIRE(s.notes.size() == 1);
  CHECK(s.notes[0].detail ==
        "limit max_metrics_per_source (1000) reached: 19000 of 20001 numbers left out; 1 memory figure past it kept");

  // A label value longer than max_name_bytes: that series is left out.
  const Scrape longer = scrape(converter, "x{v=\"" + std::string(5000, 'v') + "\"} 1\ny 2\n", 2.0);
  CHECK(values(longer.metrics) == std::map<std::string, double>{{"y", 2}});
  REQUIRE(longer.notes.size() == 1);
  CHECK(longer.notes[0].key == "max_name_bytes");

  // TYPE lines past max_types are counted; each still types what follows it.
  SourceLimits few;
  few.max_types = 2;
  const Scrape typed = scrape(converter, "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# TYPE c_total counter\nc_total 1\n",
                              3.0, PromFormat::text, few);
  CHECK(values(typed.metrics).contains("c_per_s"));
  REQUIRE(typed.notes.size() == 1);
  CHECK(typed.notes[0].key == "max_prometheus_types");
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
    REQUIRE_NOTHROW(parsed = parse_prometheus_text(text, round % 2 ? PromFormat::openmetrics : PromFormat::text));
    if (parsed.samples.empty()) continue;
    ++parsed_ok;
    std::string again;
    for (const auto& sample : parsed.samples) again += series_name(sample) + " 1\n";
    const PromText reparsed = parse_prometheus_text(again);
    REQUIRE(reparsed.lines.skipped == 0);
    REQUIRE(reparsed.samples.size() == parsed.samples.size());
    for (std::size_t i = 0; i < parsed.samples.size(); ++i) {
      REQUIRE(series_name(reparsed.samples[i]) == series_name(parsed.samples[i]));
    }
  }
  CHECK(parsed_ok > 100);  // the round trip was actually exercised
}
