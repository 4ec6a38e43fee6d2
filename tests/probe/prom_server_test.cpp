// The prom: source against a real Prometheus server (Debian's `prometheus`,
// scripts/setup.sh test) that the test starts on a free loopback port,
// scraping three demo targets every second: one leaking, one not, one
// restarted by the test halfway. LeakHound must see each target as a
// series of its own, flag only the leaking one and list the restart.
#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "child_process.h"
#include "demo_target.h"
#include "external_program.h"
#include "loopback_server.h"
#include "probe/prom_answer.h"
#include "probe/sampler.h"
#include "probe_helpers.h"
#include "session/analysed_series.h"

using namespace lh::probe;
using lh::EventKind;
using lh::test::ChildProcess;
using lh::test::DemoTarget;
using lh::test::milliseconds;
using lh::test::wait_until;

namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "lh-prom-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// A Prometheus server scraping `jobs` (name → port) every second, with its
// storage in a folder of its own.
class PrometheusServer {
 public:
  PrometheusServer(const std::vector<std::pair<std::string, int>>& jobs, const fs::path& dir) {
    const std::string binary = lh::test::external_program("prometheus", "test");
    const fs::path config = dir / "prometheus.yml";
    {
      std::ofstream out(config);
      out << "global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\n  evaluation_interval: 1s\nscrape_configs:\n";
      for (const auto& [job, port] : jobs) {
        out << "  - job_name: " << job << "\n    static_configs:\n      - targets: ['127.0.0.1:" << port << "']\n";
      }
    }
    for (int attempt = 0; attempt < 5 && !process_; ++attempt) {
      port_ = lh::test::unused_loopback_port();
      process_ = std::make_unique<ChildProcess>(
          std::vector<std::string>{binary, "--config.file=" + config.string(),
                                   "--storage.tsdb.path=" + (dir / "data").string(),
                                   "--web.listen-address=127.0.0.1:" + std::to_string(port_), "--log.level=warn"},
          lh::sys::ChildOptions{lh::sys::ChildStream::discard, lh::sys::ChildStream::pipe, false});
      httplib::Client client("127.0.0.1", port_);
      const bool ready = wait_until(
          [&] {
            if (process_->exited()) return true;
            auto res = client.Get("/-/ready");
            return res && res->status == 200;
          },
          milliseconds(30000));
      if (!ready || process_->exited()) {
        UNSCOPED_INFO("prometheus did not start on port " << port_ << ": " << process_->err());
        process_.reset();
      }
    }
    REQUIRE(process_);
  }
  ~PrometheusServer() {
    if (process_) {
      process_->signal(SIGTERM);
      process_->wait_for(milliseconds(10000));
    }
  }

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // How many of the targets are up, by Prometheus' own `up`.
  int targets_up() const {
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get("/api/v1/query?query=sum(up)");
    if (!res || res->status != 200) return 0;
    const auto answer = read_prom_answer_body(res->body);
    if (answer.error || answer.series.empty() || answer.series[0].points.empty()) return 0;
    return static_cast<int>(answer.series[0].points[0].value);
  }

 private:
  std::unique_ptr<ChildProcess> process_;
  int port_ = 0;
};

// Work requests to each target at about 20 a second until stopped (or for
// at most two minutes): the leaking target keeps what each one costs.
class Traffic {
 public:
  explicit Traffic(std::vector<int> ports) {
    for (int port : ports) {
      threads_.emplace_back([this, port] {
        httplib::Client client("127.0.0.1", port);
        client.set_connection_timeout(1);
        const auto end = std::chrono::steady_clock::now() + std::chrono::minutes(2);
        auto next = std::chrono::steady_clock::now();
        for (int i = 0; i < 2400; ++i) {
          // A refused request while the target restarts is part of the test.
          client.Post("/segment", R"({"text": "One. Two.", "language": "en"})", "application/json");
          next += std::chrono::milliseconds(50);
          std::unique_lock lock(mutex_);
          if (wake_.wait_until(lock, std::min(next, end), [this] { return stop_; }) || next >= end) return;
        }
      });
    }
  }
  ~Traffic() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

const lh::session::SeriesVerdict* verdict_of(const std::vector<lh::session::SeriesVerdict>& all, const std::string& name) {
  for (const auto& v : all) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("prom: a real Prometheus server's targets are series of their own, only the leak is flagged, the restart listed") {
  TempDir dir;
  DemoTarget leaky({"--leak-kb-per-request", "64"});
  DemoTarget steady;
  auto restarted = std::make_unique<DemoTarget>();
  const int restarted_port = restarted->port();
  std::unique_ptr<ChildProcess> restarted_again;

  PrometheusServer prometheus({{"leaky", leaky.port()}, {"steady", steady.port()}, {"restarted", restarted_port}},
                              dir.path);
  REQUIRE(wait_until([&] { return prometheus.targets_up() == 3; }, milliseconds(30000)));

  Traffic traffic({leaky.port(), steady.port(), restarted_port});

  ProbeConfig config;
  config.sources.push_back(parse_source_spec("prom:" + prometheus.url()));
  config.sources[0].query = R"(process_resident_memory_bytes{job=~"leaky|steady|restarted"})";
  config.sources[0].restart_query = R"(process_start_time_seconds{job=~"leaky|steady|restarted"})";
  config.interval = lh::Seconds(1);
  config.timeout = lh::Seconds(2);  // the machine may be busy: a slow answer is the test's load
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  sampler.start();

  // Halfway, the restarted target is stopped and started again on its port.
  REQUIRE(lh::test::wait_rows(store, sampler.group(), 20, milliseconds(60000)));
  restarted->process().signal(SIGTERM);
  REQUIRE(restarted->process().wait_for(milliseconds(10000)));
  restarted_again = std::make_unique<ChildProcess>(
      std::vector<std::string>{LH_DEMO_TARGET_BIN, "--port", std::to_string(restarted_port)});
  REQUIRE(restarted_again->read_line(milliseconds(10000)));
  REQUIRE(wait_until([&] { return !lh::test::events_of(store, "job=restarted", EventKind::restart).empty(); },
                     milliseconds(30000)));
  REQUIRE(lh::test::wait_rows(store, sampler.group(), 25, milliseconds(60000)));
  sampler.stop();

  // Each target is a series of its own, named by its job.
  std::vector<std::string> names;
  for (SeriesId id : store.series_in(sampler.group())) names.push_back(store.series(id).name);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"job=leaky", "job=restarted", "job=steady"});

  // The restart is the restarted target's, and only its.
  const auto restarts = lh::test::events_of(store, "job=restarted", EventKind::restart);
  REQUIRE(restarts.size() == 1);
  CHECK_THAT(restarts[0].detail, Catch::Matchers::StartsWith("process_start_time_seconds rose from "));
  CHECK(lh::test::events_of(store, "job=leaky", EventKind::restart).empty());
  CHECK(lh::test::events_of(store, "job=steady", EventKind::restart).empty());

  // A verdict per target: the leak alone is a leak.
  const auto events = store.read_events(0).events;
  std::vector<lh::session::SeriesVerdict> verdicts;
  for (const auto& series : lh::session::analysed_series(store, sampler.group(), std::nullopt)) {
    verdicts.push_back(lh::session::analyse(store, series, events, {}, lh::analysis::AnalysisParameters{}));
  }
  REQUIRE(verdicts.size() == 3);
  const auto* l = verdict_of(verdicts, "job=leaky");
  const auto* s = verdict_of(verdicts, "job=steady");
  const auto* r = verdict_of(verdicts, "job=restarted");
  REQUIRE(l);
  REQUIRE(s);
  REQUIRE(r);
  CHECK(l->verdict.kind == lh::analysis::VerdictKind::leak);
  CHECK(s->verdict.kind != lh::analysis::VerdictKind::leak);
  CHECK(r->verdict.kind != lh::analysis::VerdictKind::leak);

  // After the fact: the same range through query_range, by the CLI, into
  // the files a live monitor writes, then the verdicts.
  const fs::path csv = dir.path / "history.csv", events_csv = dir.path / "events.csv";
  const auto since = static_cast<long>(clock.now()) + 5;
  const auto run = lh::test::run_command({LH_CLI_BIN, "monitor", "prom:" + prometheus.url(), "--query", config.sources[0].query,
                                          "--restart-query", config.sources[0].restart_query, "--from",
                                          "now-" + std::to_string(since) + "s", "--interval", "1s", "--csv",
                                          csv.string(), "--events", events_csv.string()});
  INFO(run.out << run.err);
  REQUIRE(run.status == 0);
  CHECK_THAT(run.out, Catch::Matchers::Contains("job=restarted restart: process_start_time_seconds rose from "));
  CHECK_THAT(run.out, Catch::Matchers::Contains("\nLeak: job=leaky "));
  CHECK_THAT(run.out, !Catch::Matchers::Contains("Leak: job=steady") && !Catch::Matchers::Contains("Leak: job=restarted"));
  std::ifstream header(csv);
  std::string first_line;
  std::getline(header, first_line);
  CHECK_THAT(first_line, Catch::Matchers::Contains("job=leaky") && Catch::Matchers::Contains("job=steady") &&
                             Catch::Matchers::Contains("job=restarted"));
  std::ifstream ev(events_csv);
  const std::string events_text((std::istreambuf_iterator<char>(ev)), std::istreambuf_iterator<char>());
  CHECK_THAT(events_text, Catch::Matchers::Contains("job=restarted,restart,"));
}
