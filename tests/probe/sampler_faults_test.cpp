// Faulty endpoints from an in-test server: slow, refused, garbage, cut
// short, 50 MB bodies, 500s. Each is a gap and one event; the sampler and
// the good source go on, and a source that comes back is read again.
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <thread>

#include "probe/sampler.h"
#include "loopback_server.h"
#include "probe_helpers.h"

using namespace lh::probe;
using lh::EventKind;
using Catch::Matchers::Contains;

namespace {

constexpr std::size_t k50MB = 50u << 20;

void mount_faults(lh::test::LoopbackServer& s, std::atomic<int>& flaky_calls) {
  auto& server = s.server();
  server.Get("/ok", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"memory": {"rss_mb": 10}})", "application/json");
  });
  server.Get("/slow", [&s](const httplib::Request&, httplib::Response& res) {
    // Longer than the sampler waits; cut short when the test ends.
    for (int i = 0; i < 150 && !s.stopping(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    res.set_content(R"({"rss_mb": 1})", "application/json");
  });
  server.Get("/garbage", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><body>oops</body></html>", "text/html");
  });
  server.Get("/truncated", [](const httplib::Request&, httplib::Response& res) {
    // Promises 1000 bytes, sends 12, hangs up.
    res.set_content_provider(1000, "application/json", [](size_t offset, size_t, httplib::DataSink& sink) {
      if (offset == 0) sink.write(R"({"rss_mb": 1)", 12);
      return false;
    });
  });
  auto fifty_mb = [](size_t offset, httplib::DataSink& sink) {
    static const std::string block(64 * 1024, ' ');
    if (offset >= k50MB) return false;
    return sink.write(block.data(), block.size());
  };
  server.Get("/huge-chunked", [fifty_mb](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/json", [fifty_mb](size_t offset, httplib::DataSink& sink) {
      if (offset >= k50MB) {
        sink.done();
        return true;
      }
      return fifty_mb(offset, sink);
    });
  });
  server.Get("/huge-length", [fifty_mb](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(k50MB, "application/json",
                             [fifty_mb](size_t offset, size_t, httplib::DataSink& sink) { return fifty_mb(offset, sink); });
  });
  server.Get("/error", [](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content("boom", "text/plain");
  });
  server.Get("/many", [](const httplib::Request&, httplib::Response& res) {
    std::string body = R"({"counters": {)";
    for (int i = 0; i < 1500; ++i) body += (i ? ",\"c" : "\"c") + std::to_string(i) + "\":" + std::to_string(i);
    res.set_content(body + R"(}, "memory": {"rss_mb": 42}})", "application/json");
  });
  server.Get("/mixed-metrics", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes 1048576\n"
                    "requests_total 5 # {trace_id=\"abc\"} 1\nfoo --1\n",
                    "text/plain; version=0.0.4");
  });
  server.Get("/huge-headers", [](const httplib::Request&, httplib::Response& res) {
    // 400 KiB of headers: past libcurl's 300 KiB for an answer's headers.
    for (int i = 0; i < 400; ++i) res.set_header("X-Pad-" + std::to_string(i), std::string(1024, 'h'));
    res.set_content(R"({"rss_mb": 1})", "application/json");
  });
  server.Get("/absurd", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"rss_mb": 1e308, "memory_usage_gb": 3, "requests_total": -1e30})", "application/json");
  });
  server.Get("/flaky", [&flaky_calls](const httplib::Request&, httplib::Response& res) {
    if (++flaky_calls <= 3) {
      res.status = 503;
      res.set_content("starting up", "text/plain");
      return;
    }
    res.set_content(R"({"rss_mb": 5})", "application/json");
  });
}

}  // namespace

TEST_CASE("each faulty endpoint is a gap and one event, and the rest goes on") {
  lh::test::LoopbackServer server;
  std::atomic<int> flaky_calls = 0;
  mount_faults(server, flaky_calls);
  server.start();
  const std::string refused = "http://127.0.0.1:" + std::to_string(lh::test::unused_loopback_port()) + "/x";

  ProbeConfig config;
  const std::vector<std::pair<std::string, std::string>> sources{
      {"ok", server.url("/ok")},
      {"refused", refused},
      {"garbage", server.url("/garbage")},
      {"truncated", server.url("/truncated")},
      {"chunked", server.url("/huge-chunked")},
      {"length", server.url("/huge-length")},
      {"error", server.url("/error")},
      {"flaky", server.url("/flaky")},
      {"headers", server.url("/huge-headers")},
  };
  for (const auto& [label, url] : sources) {
    config.sources.push_back(parse_source_spec(url));
    config.sources.back().label = label;
  }
  config.interval = lh::Seconds(0.3);
  // Generous: the machine may be busy, and only the slow test is about time.
  config.timeout = lh::Seconds(3);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  constexpr int kTicks = 8;
  sampler.start(kTicks);
  REQUIRE(lh::test::wait_until([&] { return sampler.finished(); }, std::chrono::milliseconds(20000)));
  sampler.stop();
  server.stop();

  CHECK(store.row_count(sampler.group()) == kTicks);
  const auto ok = lh::test::values_of(store, "ok/memory.rss_mb");
  CHECK(std::count(ok.begin(), ok.end(), 10.0) == kTicks);

  auto events_of = [&](const std::string& source) {
    std::vector<lh::Event> events;
    for (const auto& e : store.read_events(0).events) {
      if (e.source == source) events.push_back(e);
    }
    return events;
  };
  auto only_event = [&](const std::string& source, EventKind kind) {
    INFO(source);
    const auto events = events_of(source);
    for (const auto& e : events) UNSCOPED_INFO(lh::to_string(e.kind) << ": " << e.detail);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == kind);
    CHECK(events[0].t_s < 0.1);  // at the first tick, not repeated after
    return events[0].detail;
  };
  CHECK(events_of("ok").empty());
  CHECK(only_event("refused", EventKind::unreachable) == "connection refused");
  CHECK_THAT(only_event("garbage", EventKind::bad_response),
             Contains("neither JSON, Prometheus text nor a health status: \"<html><body>oops</body></html>\""));
  CHECK(only_event("truncated", EventKind::bad_response) == "body cut short: got 12 of 1000 bytes");
  CHECK(only_event("chunked", EventKind::bad_response) == "body over 8.00 MiB, not read");
  CHECK(only_event("length", EventKind::bad_response) == "body over 8.00 MiB, not read");
  CHECK(only_event("error", EventKind::bad_response) == "HTTP 500: \"boom\"");
  // The server answered: its answer is bad, it is not unreachable.
  CHECK_THAT(only_event("headers", EventKind::bad_response),
             Contains("not a readable HTTP answer: Too large response headers"));
  for (const char* never : {"refused", "garbage", "truncated", "chunked", "length", "error", "headers"}) {
    for (SeriesId id : store.series_in(sampler.group())) CHECK(store.series(id).source != never);
  }

  const auto flaky = events_of("flaky");
  REQUIRE(flaky.size() == 2);
  CHECK(flaky[0].kind == EventKind::bad_response);
  CHECK(flaky[0].detail == "HTTP 503: \"starting up\"");
  CHECK(flaky[1].kind == EventKind::recovered);
  const auto values = lh::test::values_of(store, "flaky/rss_mb");
  CHECK(std::count_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }) == 3);
  CHECK(values.back() == 5);
}

TEST_CASE("an answer over a limit, with lines Prometheus would not take, or with numbers no service has, is read in part with one event") {
  lh::test::LoopbackServer server;
  std::atomic<int> unused = 0;
  mount_faults(server, unused);
  server.start();
  ProbeConfig config;
  config.sources = {parse_source_spec(server.url("/many")), parse_source_spec(server.url("/mixed-metrics")),
                    parse_source_spec(server.url("/absurd"))};
  config.sources[0].label = "many";
  config.sources[1].label = "mixed";
  config.sources[2].label = "absurd";
  config.interval = lh::Seconds(0.2);
  config.timeout = lh::Seconds(3);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  constexpr int kTicks = 4;
  sampler.start(kTicks);
  REQUIRE(lh::test::wait_until([&] { return sampler.finished(); }, std::chrono::milliseconds(20000)));
  sampler.stop();
  server.stop();

  // The memory figure after 1,500 other numbers is recorded on every tick.
  const auto rss = lh::test::values_of(store, "many/memory.rss_mb");
  CHECK(std::count(rss.begin(), rss.end(), 42.0) == kTicks);
  const auto prom = lh::test::values_of(store, "mixed/process_resident_memory_bytes");
  CHECK(std::count(prom.begin(), prom.end(), 1048576.0) == kTicks);
  // A number beyond any memory (1e308 MiB) or count is a gap, not a reading.
  const auto absurd = lh::test::values_of(store, "absurd/rss_mb");
  CHECK(std::count_if(absurd.begin(), absurd.end(), [](double v) { return std::isnan(v); }) == kTicks);
  const auto gb = lh::test::values_of(store, "absurd/memory_usage_gb");
  CHECK(std::count(gb.begin(), gb.end(), 3.0) == kTicks);
  const auto events = store.read_events(0).events;
  REQUIRE(events.size() == 3);
  for (const auto& e : events) CHECK(e.kind == EventKind::partial);
  auto from = [&](const std::string& source) {
    return *std::find_if(events.begin(), events.end(), [&](const lh::Event& e) { return e.source == source; });
  };
  const auto many = from("many");
  const auto mixed = from("mixed");
  CHECK(from("absurd").detail == "rss_mb = 1e+308 MiB: expected at most 16 EiB (2^64 bytes); 2 numbers left out");
  CHECK(many.detail == "limit max_metrics_per_source (1000) reached: 500 of 1501 numbers left out; "
                       "1 memory figure past it kept");
  CHECK(mixed.detail == "Prometheus text: 2 lines skipped, as Prometheus would not take them; the first, line 3: "
                        "expected a timestamp in milliseconds after the value, or the end of the line");
  // The store names each series once: its indexes are views of it.
  CHECK(store.find("many/memory.rss_mb"));
  CHECK(store.watched_memory());
}

TEST_CASE("a slow source is a timeout, and the others are read on every tick meanwhile") {
  lh::test::LoopbackServer slow;
  std::atomic<int> unused = 0;
  mount_faults(slow, unused);
  slow.start();
  lh::test::LoopbackServer fast;
  mount_faults(fast, unused);
  fast.start();
  ProbeConfig config;
  config.sources = {parse_source_spec(fast.url("/ok")), parse_source_spec(slow.url("/slow"))};
  config.sources[1].label = "slow";
  config.interval = lh::Seconds(0.2);
  config.timeout = lh::Seconds(0.5);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  constexpr int kTicks = 4;
  sampler.start(kTicks);
  REQUIRE(lh::test::wait_until([&] { return sampler.finished(); }, std::chrono::milliseconds(20000)));
  sampler.stop();
  slow.stop();

  const auto ok = lh::test::values_of(store, sampler.config().sources[0].label + "/memory.rss_mb");
  CHECK(std::count(ok.begin(), ok.end(), 10.0) == kTicks);
  const auto events = store.read_events(0).events;
  REQUIRE(events.size() == 1);
  CHECK(events[0].source == "slow");
  CHECK(events[0].kind == EventKind::unreachable);
  CHECK(events[0].detail == "no answer within 500ms");
  // Each tick waited for the slow one, so ticks are ~0.5 s apart, not 0.2 s.
  const auto rows = store.read_rows(sampler.group(), 0);
  CHECK(rows.t.back() - rows.t.front() >= 3 * 0.45);
}

TEST_CASE("a source that is down at the start is read once it comes up") {
  const int port = lh::test::unused_loopback_port();
  ProbeConfig config;
  config.sources.push_back(parse_source_spec("http://127.0.0.1:" + std::to_string(port) + "/ok"));
  config.interval = lh::Seconds(0.1);
  config.timeout = lh::Seconds(1);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  sampler.start();
  REQUIRE(lh::test::wait_rows(store, sampler.group(), 3));
  CHECK(store.series_count() == 0);

  lh::test::LoopbackServer server;
  std::atomic<int> unused = 0;
  mount_faults(server, unused);
  server.start(port);
  REQUIRE(lh::test::wait_until([&] { return store.find("memory.rss_mb").has_value(); }, std::chrono::milliseconds(5000)));
  REQUIRE(lh::test::wait_rows(store, sampler.group(), 2));
  sampler.stop();

  const auto events = store.read_events(0).events;
  REQUIRE(events.size() == 2);
  CHECK(events[0].kind == EventKind::unreachable);
  CHECK(events[1].kind == EventKind::recovered);
  CHECK_THAT(events[1].detail, Contains("(was: connection refused)"));
  const auto rss = lh::test::values_of(store, "memory.rss_mb");
  CHECK(rss.back() == 10);
  CHECK(store.watched_memory() == store.find("memory.rss_mb"));
}
