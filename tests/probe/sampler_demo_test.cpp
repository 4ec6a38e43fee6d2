// The sampler against the demo target: both endpoint shapes and /metrics,
// with and without a leak, and a service restarting under a supervisor.
#include <httplib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <thread>

#include "child_process.h"
#include "demo_target.h"
#include "probe/sampler.h"
#include "probe_helpers.h"

using namespace lh::probe;
using lh::EventKind;
using lh::test::DemoTarget;
using lh::test::milliseconds;
using lh::test::values_of;
using lh::test::wait_rows;

namespace {

ProbeConfig config_for(std::vector<std::string> sources, double interval_s = 0.1) {
  ProbeConfig config;
  for (const auto& s : sources) config.sources.push_back(parse_source_spec(s));
  config.interval = lh::Seconds(interval_s);
  // The machine may be busy with other builds: a slow answer here is the
  // test's load, not the service's fault.
  config.timeout = lh::Seconds(2);
  return config;
}

void post_segments(httplib::Client& client, int count) {
  for (int i = 0; i < count; ++i) {
    auto res = client.Post("/segment", R"({"text": "One. Two.", "language": "en"})", "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
  }
}

bool convert(httplib::Client& client) {
  httplib::MultipartFormDataItems items{{"file", "%PDF-1.4 demo", "doc.pdf", "application/pdf"}};
  auto res = client.Post("/convert", items);
  return res && res->status == 200;
}

double first_finite(const std::vector<double>& v) {
  for (double x : v) {
    if (std::isfinite(x)) return x;
  }
  return std::nan("");
}

double last_finite(const std::vector<double>& v) {
  for (auto it = v.rbegin(); it != v.rend(); ++it) {
    if (std::isfinite(*it)) return *it;
  }
  return std::nan("");
}

std::size_t gaps(const std::vector<double>& v) { return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](double x) { return std::isnan(x); })); }

// The demo target on a given port, as a supervisor restarts it.
struct Supervised {
  Supervised(int port, const std::vector<std::string>& flags) {
    std::vector<std::string> argv{LH_DEMO_TARGET_BIN, "--port", std::to_string(port)};
    argv.insert(argv.end(), flags.begin(), flags.end());
    process = std::make_unique<lh::test::ChildProcess>(argv);
    const auto line = process->read_line(milliseconds(10000));
    REQUIRE(line);
    REQUIRE(line->find("listening on") != std::string::npos);
  }
  std::unique_ptr<lh::test::ChildProcess> process;
};

}  // namespace

TEST_CASE("a leak shows on the watched memory of both endpoint shapes and in /metrics") {
  DemoTarget target({"--leak-kb-per-request", "256", "--cache-limit", "50", "--cache-entry-kb", "4"});
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config_for({"segmentation=" + target.url(), "conversion=" + target.url(), target.url("/metrics")}), clock,
                  store);
  sampler.start();
  REQUIRE(wait_rows(store, sampler.group(), 3));
  httplib::Client client("127.0.0.1", target.port());
  post_segments(client, 400);  // 100 MiB kept forever
  REQUIRE(wait_rows(store, sampler.group(), 3));
  sampler.stop();

  const auto rss = values_of(store, "segmentation/memory.rss_mb");
  CHECK(gaps(rss) == 0);
  CHECK(last_finite(rss) - first_finite(rss) > 90);
  const auto gb = values_of(store, "conversion/memory_usage_gb");
  CHECK((last_finite(gb) - first_finite(gb)) * 1024 > 90);
  const auto prom = values_of(store, "127.0.0.1:" + std::to_string(target.port()) + "/process_resident_memory_bytes");
  CHECK((last_finite(prom) - first_finite(prom)) / 1048576 > 90);
  const auto requests = values_of(store, "127.0.0.1:" + std::to_string(target.port()) +
                                              "/demo_requests_per_s{endpoint=\"segment\"}");
  CHECK(*std::max_element(requests.begin() + 1, requests.end()) > 10);
  const auto cpu = values_of(store, "127.0.0.1:" + std::to_string(target.port()) + "/process_cpu_percent");
  CHECK(*std::max_element(cpu.begin() + 1, cpu.end()) > 1);

  // The watched memory is the segmentation service's resident memory: the
  // first source, resident before peak, before a generic "memory" figure.
  REQUIRE(store.watched_memory());
  CHECK(store.series(*store.watched_memory()).name == "segmentation/memory.rss_mb");
  // The cache count is identifiable, and it fills to its bound and holds.
  const auto cache_id = store.find("segmentation/language_processor.cache_size");
  REQUIRE(cache_id);
  CHECK(store.series(*cache_id).meaning.kind == lh::SeriesKind::cache_count);
  CHECK(last_finite(values_of(store, "segmentation/language_processor.cache_size")) == 50);
  CHECK(store.series(*store.find("conversion/status")).meaning.kind == lh::SeriesKind::status);
  CHECK(last_finite(values_of(store, "conversion/status")) == 1);
  for (const auto& e : store.read_events(0).events) FAIL_CHECK("unexpected event: " << e.source << " " << e.detail);
}

TEST_CASE("without a leak the same load leaves the watched memory flat") {
  DemoTarget target;
  lh::SessionClock clock;
  SeriesStore store;
  auto config = config_for({"segmentation=" + target.url(), "conversion=" + target.url()});
  config.watch = "memory_usage_gb";  // by metric: overrides the pick of memory.rss_mb
  Sampler sampler(config, clock, store);
  sampler.start();
  httplib::Client client("127.0.0.1", target.port());
  post_segments(client, 50);  // the first requests' allocations settle
  REQUIRE(wait_rows(store, sampler.group(), 2));
  const auto settled = store.row_count(sampler.group());
  post_segments(client, 400);
  REQUIRE(wait_rows(store, sampler.group(), 2));
  sampler.stop();

  auto after = [&](const std::string& name, double scale) {
    auto v = values_of(store, name);
    v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(settled - 1));
    return (last_finite(v) - first_finite(v)) * scale;
  };
  CHECK(std::fabs(after("segmentation/memory.rss_mb", 1)) < 8);
  CHECK(std::fabs(after("conversion/memory_usage_gb", 1024)) < 8);
  CHECK(last_finite(values_of(store, "segmentation/language_processor.cache_size")) == 0);
  REQUIRE(store.watched_memory());
  CHECK(store.series(*store.watched_memory()).name == "conversion/memory_usage_gb");
}

TEST_CASE("a service restarting under a supervisor is one restart event per restart") {
  // --restart-after 2 with 20 MiB kept per conversion: each run ends with
  // its memory well above a fresh start, as the conversion service's did.
  const std::vector<std::string> flags{"--restart-after", "2", "--leak-kb-per-request", "20480"};
  DemoTarget first(flags);
  const int port = first.port();
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  lh::SessionClock clock;
  SeriesStore store;
  // /health says pid and uptime; /memory-stats says neither, so its
  // restarts are told by the memory it comes back with.
  Sampler sampler(config_for({"conversion=" + base, "segmentation=" + base}), clock, store);
  sampler.start();
  REQUIRE(wait_rows(store, sampler.group(), 2));

  constexpr int kRestarts = 3;
  std::unique_ptr<Supervised> current;
  lh::test::ChildProcess* running = &first.process();
  for (int run = 0; run < kRestarts; ++run) {
    httplib::Client client("127.0.0.1", port);
    REQUIRE(convert(client));
    REQUIRE(wait_rows(store, sampler.group(), 2));  // the sampler sees the grown memory
    REQUIRE(convert(client));                        // the second one makes it exit
    REQUIRE(running->wait_for(milliseconds(5000)) == 0);
    REQUIRE(wait_rows(store, sampler.group(), 3));  // the sampler sees it down
    current = std::make_unique<Supervised>(port, flags);
    running = current->process.get();
    REQUIRE(wait_rows(store, sampler.group(), 3));
  }
  sampler.stop();

  for (const std::string source : {"conversion", "segmentation"}) {
    INFO(source);
    const auto restarts = lh::test::events_of(store, source, EventKind::restart);
    CHECK(restarts.size() == kRestarts);
    CHECK(lh::test::events_of(store, source, EventKind::unreachable).size() == kRestarts);
    CHECK(lh::test::events_of(store, source, EventKind::recovered).size() == kRestarts);
    for (const auto& r : restarts) {
      CHECK_THAT(r.detail, Catch::Matchers::StartsWith(source == "conversion" ? "pid " : "came back with "));
    }
  }
  // The restart is stamped on the first row of the new run.
  const auto restart = lh::test::events_of(store, "conversion", EventKind::restart).front();
  const auto rows = store.read_rows(sampler.group(), 0);
  CHECK(std::find(rows.t.begin(), rows.t.end(), restart.t_s) != rows.t.end());
}
