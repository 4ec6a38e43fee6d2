// One look at a source, as the desktop's "Test connection" takes it.
#include <catch2/catch.hpp>
#include <cmath>
#include <unistd.h>

#include "demo_target.h"
#include "loopback_server.h"
#include "probe/fetch_once.h"

using namespace lh::probe;
using lh::test::DemoTarget;

namespace {

const FoundSeries* find(const FetchOnceResult& r, const std::string& metric) {
  for (const auto& s : r.series) {
    if (s.metric == metric) return &s;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("one fetch lists every series of a JSON source and picks the watched memory") {
  DemoTarget target;
  const FetchOnceResult r = fetch_once(parse_source_spec("segmentation=" + target.url()));
  INFO(r.error);
  REQUIRE(r.ok());
  const FoundSeries* rss = find(r, "memory.rss_mb");
  REQUIRE(rss);
  CHECK(rss->value > 1);
  CHECK(rss->meaning.kind == lh::SeriesKind::memory);
  REQUIRE(find(r, "language_processor.cache_size"));
  CHECK(find(r, "language_processor.cache_size")->meaning.kind == lh::SeriesKind::cache_count);
  REQUIRE(r.watched);
  CHECK(r.series[*r.watched].metric == "memory.rss_mb");
}

TEST_CASE("one fetch of Prometheus text lists its metrics: a counter's rate is not known yet") {
  DemoTarget target;
  const FetchOnceResult r = fetch_once(parse_source_spec(target.url("/metrics")));
  REQUIRE(r.ok());
  REQUIRE(find(r, "process_resident_memory_bytes"));
  const FoundSeries* cpu = find(r, "process_cpu_percent");
  REQUIRE(cpu);
  CHECK(std::isnan(cpu->value));
  REQUIRE(r.watched);
  CHECK(r.series[*r.watched].metric == "process_resident_memory_bytes");
}

TEST_CASE("a local process gives its memory and, after a second look, its CPU %") {
  const FetchOnceResult r = fetch_once(parse_source_spec("pid:" + std::to_string(getpid())));
  REQUIRE(r.ok());
  REQUIRE(find(r, "rss_mb"));
  REQUIRE(find(r, "cpu_percent"));
  CHECK_FALSE(std::isnan(find(r, "cpu_percent")->value));
  REQUIRE(r.watched);
  CHECK(r.series[*r.watched].metric == "rss_mb");
}

TEST_CASE("a source that does not answer, or answers nothing usable, says why") {
  lh::test::LoopbackServer server([](httplib::Server& s) {
    s.Get("/empty", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
    s.Get("/broken", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  });
  const FetchOnceResult empty = fetch_once(parse_source_spec(server.url("/empty")));
  CHECK_FALSE(empty.ok());
  INFO(empty.error);
  CHECK(empty.error.find("number") != std::string::npos);
  const FetchOnceResult broken = fetch_once(parse_source_spec(server.url("/broken")));
  CHECK_FALSE(broken.ok());
  CHECK(broken.error.find("500") != std::string::npos);
  const int port = server.port();
  server.stop();
  const FetchOnceResult refused = fetch_once(parse_source_spec("http://127.0.0.1:" + std::to_string(port) + "/x"),
                                             std::chrono::milliseconds(2000));
  CHECK_FALSE(refused.ok());
  CHECK_FALSE(refused.error.empty());
  CHECK(refused.series.empty());
  CHECK(refused.took_ms < 2500);
}
