// How an HTTP answer becomes a sample or a fault, from answers built here
// (no network): JSON, Prometheus, health words, error statuses, garbage.
#include <catch2/catch.hpp>
#include <cmath>

#include "probe/http_source.h"

using namespace lh::probe;
using lh::EventKind;
using Catch::Matchers::Contains;

namespace {

HttpResponse answer(long status, std::string body, std::string type = "") {
  HttpResponse r;
  r.outcome = HttpResponse::Outcome::answered;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(type);
  return r;
}

SourceSample read(const char* spec, const HttpResponse& r) {
  HttpSource source(parse_source_spec(spec), {});
  return source.sample(std::span(&r, 1), 1.0);
}

const Metric* find(const SourceSample& s, const std::string& name) {
  for (const auto& m : s.metrics) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("JSON is told by its content type or its first character") {
  const auto typed = read("http://h/x", answer(200, R"({"rss_mb": 5})", "application/json; charset=utf-8"));
  REQUIRE_FALSE(typed.fault);
  CHECK(find(typed, "rss_mb")->value == 5);
  const auto untyped = read("http://h/x", answer(200, "  [3]\n", "text/plain"));
  REQUIRE_FALSE(untyped.fault);
  CHECK(find(untyped, "0")->value == 3);
}

TEST_CASE("Prometheus text is read when the answer is not JSON") {
  const auto s = read("http://h/metrics", answer(200, "# TYPE up gauge\nup 1\n", "text/plain; version=0.0.4"));
  REQUIRE_FALSE(s.fault);
  CHECK(find(s, "up")->value == 1);
}

TEST_CASE("a health word is a status reading, even with a 503") {
  for (long status : {200L, 503L}) {
    const auto s = read("aspnet-health=http://h:5000", answer(status, status == 200 ? "Healthy" : "Unhealthy", "text/plain"));
    REQUIRE_FALSE(s.fault);
    const Metric* m = find(s, "status");
    REQUIRE(m);
    CHECK(m->value == (status == 200 ? 1.0 : 0.0));
    REQUIRE(m->meaning);
    CHECK(m->meaning->kind == lh::SeriesKind::status);
  }
  CHECK(find(read("http://h/health", answer(200, "Degraded")), "status")->value == 0.5);
}

TEST_CASE("error statuses, empty and unreadable answers are bad responses with a reason") {
  auto fault = [](const char* spec, const HttpResponse& r) {
    const auto s = read(spec, r);
    REQUIRE(s.fault == EventKind::bad_response);
    CHECK(s.metrics.empty());
    CHECK(s.detail.find('\n') == std::string::npos);
    return s.detail;
  };
  CHECK(fault("http://h/x", answer(500, "Internal Server Error\n")) == "HTTP 500: \"Internal Server Error\"");
  CHECK(fault("http://h/x", answer(404, "")) == "HTTP 404");
  CHECK(fault("http://h/x", answer(200, "")) == "empty body");
  CHECK_THAT(fault("http://h/x", answer(200, "<html><body>hello</body></html>", "text/html")),
             Contains("neither JSON, Prometheus text nor a health status: \"<html><body>hello</body></html>\""));
  CHECK_THAT(fault("http://h/x", answer(200, "{\"a\": ")), Contains("not valid JSON: parse error"));
  CHECK_THAT(fault("http://h/x", answer(200, R"({"name": "x"})")), Contains("JSON without a number in it"));
  CHECK_THAT(fault("http://h/metrics", answer(200, "# HELP x y\nx one\n")), Contains("Prometheus text, line 2:"));
  CHECK_THAT(fault("segmentation=http://h", answer(200, "up 1\n")),
             Contains("expected the segmentation service's JSON, got \"up 1\""));
  const std::string binary("\x01\x02\xff\xfe garbage \x7f", 14);
  CHECK_THAT(fault("http://h/x", answer(200, binary)), Contains("\"?"));
}

TEST_CASE("transport faults pass through as they were classified") {
  HttpResponse refused;
  refused.outcome = HttpResponse::Outcome::unreachable;
  refused.error = "connection refused";
  const auto s = read("http://h/x", refused);
  CHECK(s.fault == EventKind::unreachable);
  CHECK(s.detail == "connection refused");
  HttpResponse cut;
  cut.outcome = HttpResponse::Outcome::bad_response;
  cut.error = "body cut short: got 10 of 1000 bytes";
  CHECK(read("http://h/x", cut).fault == EventKind::bad_response);
}

TEST_CASE("the segmentation preset counts loaded models") {
  const auto s = read("segmentation=http://h",
                      answer(200, R"({"memory": {"rss_mb": 1}, "language_processor": {"cache_size": 3, "loaded_models": ["en"]}})"));
  REQUIRE_FALSE(s.fault);
  CHECK(find(s, "language_processor.loaded_models")->value == 1);
  const auto plain = read("http://h/memory-stats", answer(200, R"({"language_processor": {"loaded_models": ["en"]}, "x": 1})"));
  CHECK_FALSE(find(plain, "language_processor.loaded_models"));
}

TEST_CASE("no answer, however broken, throws out of a source") {
  std::uint64_t state = 99;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<char>(state >> 56);
  };
  const char* starts[] = {"{", "[", "# TYPE x counter\nx ", "Healthy", "", "x{a=\""};
  HttpSource source(parse_source_spec("http://h/x"), {});
  for (int round = 0; round < 3000; ++round) {
    std::string body = starts[round % 6];
    for (int i = round % 97; i > 0; --i) body += next();
    HttpResponse r = answer(round % 7 == 0 ? 500 : 200, body, round % 2 ? "application/json" : "text/plain");
    SourceSample s;
    REQUIRE_NOTHROW(s = source.sample(std::span(&r, 1), round * 0.1));
    REQUIRE((s.fault.has_value() || !s.metrics.empty()));
  }
}
