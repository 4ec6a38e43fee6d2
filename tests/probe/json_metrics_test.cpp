// JSON answers flattened into metrics: the shapes of the services LeakHound
// is made for, the identity fields, and answers that are not JSON at all.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "probe/health_status.h"
#include "probe/json_metrics.h"

using namespace lh::probe;
using Catch::Matchers::Contains;

namespace {

std::map<std::string, double> values(const JsonMetrics& j) {
  std::map<std::string, double> out;
  for (const auto& m : j.metrics) out[m.name] = m.value;
  return out;
}

}  // namespace

TEST_CASE("the segmentation service's /memory-stats") {
  const char* body = R"({"memory": {"rss_mb": 512.5, "vms_mb": 2048, "percent": 3.2},
    "language_processor": {"cache_size": 120, "loaded_models": ["en", "de"]},
    "timestamp": "2025-05-31T14:02:03.123456"})";
  JsonMetricsOptions options;
  options.counted_arrays = {"language_processor.loaded_models"};
  const JsonMetrics j = read_json_metrics(body, options);
  REQUIRE_FALSE(j.error);
  const auto v = values(j);
  CHECK(v.size() == 5);
  CHECK(v.at("memory.rss_mb") == 512.5);
  CHECK(v.at("memory.vms_mb") == 2048);
  CHECK(v.at("language_processor.cache_size") == 120);
  CHECK(v.at("language_processor.loaded_models") == 2);  // a count, by preset
  CHECK_FALSE(v.contains("timestamp"));
  CHECK_FALSE(j.identity.pid);
}

TEST_CASE("the conversion service's /health, with its identity") {
  const char* body = R"({"status": "healthy", "memory_usage_gb": 3.25, "conversions": 17,
    "uptime_seconds": 3600.5, "pid": 4242, "version": "1.4.2", "gpu": {"available": true, "cuda": false}})";
  const JsonMetrics j = read_json_metrics(body);
  REQUIRE_FALSE(j.error);
  const auto v = values(j);
  CHECK(v.at("status") == 1.0);
  CHECK(v.at("memory_usage_gb") == 3.25);
  CHECK(v.at("gpu.available") == 1.0);
  CHECK(v.at("gpu.cuda") == 0.0);
  CHECK(v.at("pid") == 4242);  // numeric identity fields stay series too
  CHECK(j.identity.pid == "4242");
  CHECK(j.identity.uptime_s == 3600.5);
  CHECK(j.identity.version == "1.4.2");
  for (const auto& m : j.metrics) {
    if (m.name == "status") {
      REQUIRE(m.meaning);
      CHECK(m.meaning->kind == lh::SeriesKind::status);
    }
  }
}

TEST_CASE("arrays by index, nesting, top-level arrays and scalars") {
  const auto v = values(read_json_metrics(R"({"workers": [{"rss_mb": 10}, {"rss_mb": 12, "ids": [1, 2]}], "n": null})"));
  CHECK(v.at("workers.0.rss_mb") == 10);
  CHECK(v.at("workers.1.rss_mb") == 12);
  CHECK(v.at("workers.1.ids.1") == 2);
  CHECK_FALSE(v.contains("n"));
  CHECK(values(read_json_metrics("[1, [2, 3]]")).at("1.1") == 3);
  CHECK(values(read_json_metrics("42")).at("value") == 42);
  CHECK(values(read_json_metrics(R"({"big": 18446744073709551615, "neg": -5})")).at("big") == Approx(1.8446744e19));
}

TEST_CASE("identity fields in their other spellings") {
  const JsonMetrics a = read_json_metrics(R"({"process": {"pid": "abc", "started_at": "2026-01-01T00:00:00Z", "uptime_ms": 1500}})");
  CHECK(a.identity.pid == "abc");
  CHECK(a.identity.start_text == "2026-01-01T00:00:00Z");
  CHECK(a.identity.uptime_s == 1.5);
  const JsonMetrics b = read_json_metrics(R"({"process_start_time_seconds": 1700000000.25, "status": "Degraded"})");
  CHECK(b.identity.start_s == 1700000000.25);
  CHECK(values(b).at("status") == 0.5);
  // A status word nobody knows is a string like any other: skipped.
  CHECK(values(read_json_metrics(R"({"status": "meh", "x": 1})")).size() == 1);
}

TEST_CASE("a pid of any number is its text (fuzzing found 1.8e20 overflowing a cast)") {
  CHECK(read_json_metrics(R"({"pid": 184467440737095516160})").identity.pid == "1.8446744073709552e+20");
  CHECK(read_json_metrics(R"({"pid": -1e300})").identity.pid == "-1.0000000000000001e+300");
  CHECK(read_json_metrics(R"({"pid": 12.5})").identity.pid == "12.5");
  CHECK(read_json_metrics(R"({"pid": -7})").identity.pid == "-7");
}

TEST_CASE("health words in their usual spellings") {
  CHECK(health_value("Healthy") == 1.0);
  CHECK(health_value(" UP\n") == 1.0);
  CHECK(health_value("SERVING") == 1.0);
  CHECK(health_value("Degraded") == 0.5);
  CHECK(health_value("Unhealthy") == 0.0);
  CHECK(health_value("NOT_SERVING") == 0.0);
  CHECK_FALSE(health_value(""));
  CHECK_FALSE(health_value("healthy and well"));
  CHECK_FALSE(health_value("<html>"));
}

TEST_CASE("answers that are not JSON give one line saying so") {
  for (const char* bad : {"", "{", R"({"a": 1)", R"({"a": 1} trailing)", "{'a': 1}", "nul", "[1,]", "\xff\xfe{}"}) {
    const JsonMetrics j = read_json_metrics(bad);
    REQUIRE(j.error);
    CHECK(j.metrics.empty());
    CHECK(j.error->find('\n') == std::string::npos);
    CHECK(j.error->find("[json.exception") == std::string::npos);
  }
  CHECK_THAT(*read_json_metrics(R"({"a": 1)").error, Contains("parse error"));
}

const ReadNote* note(const JsonMetrics& j, std::string_view key) {
  for (const auto& n : j.notes) {
    if (n.key == key) return &n;
  }
  return nullptr;
}

TEST_CASE("huge and deeply nested answers are cut, not followed, and say which limit they reached") {
  std::string wide = "{";
  for (int i = 0; i < 5000; ++i) wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  wide += "}";
  const JsonMetrics w = read_json_metrics(wide);
  CHECK(w.metrics.size() == 1000);
  REQUIRE(note(w, "max_metrics_per_source"));
  CHECK(note(w, "max_metrics_per_source")->detail ==
        "limit max_metrics_per_source (1000) reached: 4000 of 5000 numbers left out");

  // A million levels of nesting: no recursion, no frame per level.
  const std::string deep = std::string(1000000, '[') + "1" + std::string(1000000, ']');
  const JsonMetrics d = read_json_metrics(deep);
  CHECK_FALSE(d.error);
  CHECK(d.metrics.empty());
  REQUIRE(note(d, "max_json_depth"));
  CHECK(note(d, "max_json_depth")->detail == "limit max_json_depth (32) reached: 1 value nested deeper left out");
  const std::string shallow = R"({"a": {"b": 7}, "deep": )" + std::string(100, '[') + "1" + std::string(100, ']') + "}";
  CHECK(values(read_json_metrics(shallow)) == std::map<std::string, double>{{"a.b", 7}});
}

TEST_CASE("a memory figure after a thousand other numbers is still found") {
  std::string body = R"({"counters": {)";
  for (int i = 0; i < 3000; ++i) body += (i ? ",\"c" : "\"c") + std::to_string(i) + "\":" + std::to_string(i);
  body += R"(}, "memory": {"rss_mb": 512, "peak_rss_mb": 900}, "requests_served": 7, "queue": {"depth": 3}})";
  JsonMetricsOptions options;
  options.watch = "queue.depth";  // a watched name is kept like a memory level
  const JsonMetrics j = read_json_metrics(body, options);
  const auto v = values(j);
  CHECK(v.size() == 1002);
  CHECK(v.at("memory.rss_mb") == 512);
  CHECK(v.at("queue.depth") == 3);
  CHECK_FALSE(v.contains("memory.peak_rss_mb"));  // a peak is never the watched memory
  CHECK_FALSE(v.contains("requests_served"));
  REQUIRE(note(j, "max_metrics_per_source"));
  CHECK_THAT(note(j, "max_metrics_per_source")->detail, Contains("2002 of 3004 numbers left out; 2 memory figures past it kept"));

  // Past max_preferred even memory figures are left out, and that is said too.
  std::string flood = "{";
  for (int i = 0; i < 1200; ++i) flood += (i ? ",\"rss_mb_" : "\"rss_mb_") + std::to_string(i) + "\":1";
  flood += "}";
  const JsonMetrics f = read_json_metrics(flood);
  CHECK(f.metrics.size() == 1000 + 64);
  REQUIRE(note(f, "max_preferred_per_source"));
  CHECK(note(f, "max_preferred_per_source")->detail ==
        "limit max_preferred_per_source (64) reached: 136 memory figures past max_metrics_per_source left out");
}

TEST_CASE("long names under a long common prefix are never built") {
  // 1,000 leaves under a 64 KiB key: the issue's 74 KB answer that cost
  // 409 MB. No name over max_name_bytes is made; the leaves are counted.
  std::string body = "{\"" + std::string(65536, 'p') + "\": {";
  for (int i = 0; i < 1000; ++i) body += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  body += "}, \"rss_mb\": 5}";
  const JsonMetrics j = read_json_metrics(body);
  REQUIRE_FALSE(j.error);
  CHECK(values(j) == std::map<std::string, double>{{"rss_mb", 5}});
  REQUIRE(note(j, "max_name_bytes"));
  CHECK(note(j, "max_name_bytes")->detail == "limit max_name_bytes (1024) reached: 1000 numbers with a longer name left out");
  // A name of exactly the limit is kept.
  JsonMetricsOptions tight;
  tight.limits.max_name_bytes = 5;
  CHECK(values(read_json_metrics(R"({"ab": {"cd": 1, "cde": 2}})", tight)) == std::map<std::string, double>{{"ab.cd", 1}});
}

TEST_CASE("two numbers with the same name stay two series") {
  const JsonMetrics j = read_json_metrics(R"({"a.b": 1, "a": {"b": 2}, "a.b#2": 3, "x": [4], "x.0": 5})");
  REQUIRE_FALSE(j.error);
  std::vector<std::pair<std::string, double>> got;
  for (const auto& m : j.metrics) got.emplace_back(m.name, m.value);
  CHECK(got == std::vector<std::pair<std::string, double>>{{"a.b", 1}, {"a.b#3", 2}, {"a.b#2", 3}, {"x.0", 4}, {"x.0#2", 5}});
  // The meaning still comes from the name as given.
  const JsonMetrics m = read_json_metrics(R"({"mem.rss_mb": 1, "mem": {"rss_mb": 2}})");
  REQUIRE(m.metrics.size() == 2);
  CHECK(m.metrics[1].name == "mem.rss_mb#2");
  REQUIRE(m.metrics[1].meaning);
  CHECK(m.metrics[1].meaning->unit == lh::Unit::mib);
}

TEST_CASE("a NUL byte or text after the document is an error, not the end") {
  for (const std::string& bad : {std::string("123\0garbage", 11), std::string("{\"a\": 1}\0", 9), std::string(1, '\0'),
                                std::string("123 456"), std::string("{\"a\": 1} {\"b\": 2}")}) {
    const JsonMetrics j = read_json_metrics(bad);
    REQUIRE(j.error);
    CHECK(j.metrics.empty());
  }
  CHECK(*read_json_metrics(std::string("123\0garbage", 11)).error == "a NUL byte at offset 3 (JSON holds none)");
  // Inside a string a NUL is written \u0000: that is fine.
  CHECK_FALSE(read_json_metrics(R"({"a\u0000b": 1})").error);
}
