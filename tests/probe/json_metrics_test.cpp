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

TEST_CASE("huge and deeply nested answers are cut, not followed") {
  std::string wide = "{";
  for (int i = 0; i < 5000; ++i) wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  wide += "}";
  const JsonMetrics w = read_json_metrics(wide);
  CHECK(w.metrics.size() == 1000);
  CHECK(w.dropped == 4000);

  // A million levels of nesting: no recursion, no frame per level.
  const std::string deep = std::string(1000000, '[') + "1" + std::string(1000000, ']');
  const JsonMetrics d = read_json_metrics(deep);
  CHECK_FALSE(d.error);
  CHECK(d.metrics.empty());
  const std::string shallow = R"({"a": {"b": 7}, "deep": )" + std::string(100, '[') + "1" + std::string(100, ']') + "}";
  CHECK(values(read_json_metrics(shallow)) == std::map<std::string, double>{{"a.b", 7}});
}
