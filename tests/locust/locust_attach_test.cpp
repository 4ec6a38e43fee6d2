// A session attached to a Locust master running elsewhere ("engine":
// "locust", "master": URL): the test starts that master and two workers
// itself, on loopback, with the locustfile `export locust` wrote, against
// the demo target. The session counts only what the master counted while
// it watched (Locust's counts are cumulative over its run), agrees with
// the target's own counter as closely as Locust's reports allow, and
// leaves the master running. A URL where nothing answers, or where
// something other than Locust answers, is refused in one line naming it.
#include <httplib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "child_process.h"
#include "demo_target.h"
#include "external_program.h"
#include "locust/locust_stats.h"
#include "loopback_server.h"
#include "scenario/resolve.h"
#include "session/session_data.h"
#include "session/session_runner.h"
#include "synthetic_session.h"

using lh::locust::LocustStats;
using lh::test::ChildProcess;
using lh::test::DemoTarget;
using lh::test::run_command;
using lh::test::TempFolder;
using namespace std::chrono_literals;

namespace {

constexpr double kRate = 30;          // requests/s the outside run sends, at most
constexpr double kWatchSeconds = 10;  // the attached session's duration
// How far the master's answer may lag the target's counter: each worker
// reports every 3 s (Locust's WORKER_REPORT_INTERVAL) and the web UI
// caches /stats/requests for 2 s (web.py's DEFAULT_CACHE_TIME).
constexpr double kLagSeconds = 3 + 2;
// A user's wait after a slow answer may let it run a little ahead of its
// share of the rate: a second's worth is plenty.
constexpr double kSlackSeconds = 1;

const nlohmann::json kRequests = {
    {{"name", "English"}, {"method", "POST"}, {"path", "/segment"},
     {"body", {{"text", "One sentence. Another one."}, {"language", "en"}}}, {"weight", 3}},
    {{"name", "German"}, {"method", "POST"}, {"path", "/segment"},
     {"body", {{"text", "Ein Satz. Noch einer."}, {"language", "de"}}}, {"weight", 1}}};

nlohmann::json scenario_with(const DemoTarget& target, const nlohmann::json& load) {
  return {{"leakhound_scenario", 1},
          {"name", "Locust attached"},
          {"target", target.url()},
          {"probes", {{"sources", {"segmentation=/memory-stats"}}, {"interval", "500ms"}}},
          {"load", load}};
}

std::filesystem::path write_scenario(const TempFolder& dir, const std::string& name, const nlohmann::json& scenario) {
  const auto file = dir / (name + ".leakhound.json");
  std::ofstream(file) << scenario.dump(2);
  return file;
}

// The outside master's statistics, read as LeakHound reads them; nullopt
// while it does not answer yet.
std::optional<LocustStats> master_stats(int web_port) {
  httplib::Client client("127.0.0.1", web_port);
  client.set_connection_timeout(2);
  client.set_read_timeout(5);
  const auto res = client.Get("/stats/requests");
  if (!res || res->status != 200) return std::nullopt;
  return lh::locust::read_stats_json(res->body);
}

// Waits (at most `timeout`) until the master's statistics satisfy `done`.
template <typename Done>
std::optional<LocustStats> wait_for_master(int web_port, std::chrono::seconds timeout, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto stats = master_stats(web_port); stats && done(*stats)) return stats;
    std::this_thread::sleep_for(200ms);
  }
  return std::nullopt;
}

// A Locust master and two workers, as a team would run them by hand: the
// master with its web UI (--autostart, the locustfile's shape sends the
// load) and no --autoquit, so it stays up once the run ends.
struct OutsideLocust {
  std::unique_ptr<ChildProcess> master;
  std::vector<std::unique_ptr<ChildProcess>> workers;
  int web_port = 0;

  OutsideLocust(const std::string& locust, const std::filesystem::path& locustfile, const TempFolder& dir) {
    web_port = lh::test::unused_loopback_port();
    int master_port = lh::test::unused_loopback_port();
    for (int tries = 0; master_port == web_port && tries < 10; ++tries) master_port = lh::test::unused_loopback_port();
    REQUIRE(master_port != web_port);
    auto logged = [&](const std::string& name) {
      return lh::sys::ChildOptions{.out = lh::sys::ChildStream::file, .err = lh::sys::ChildStream::file,
                                   .dies_with_parent = true, .file = (dir / name).string()};
    };
    master = std::make_unique<ChildProcess>(
        std::vector<std::string>{locust, "-f", locustfile.string(), "--master", "--autostart", "--expect-workers", "2",
                                 "--expect-workers-max-wait", "60", "--master-bind-host", "127.0.0.1",
                                 "--master-bind-port", std::to_string(master_port), "--web-host", "127.0.0.1",
                                 "--web-port", std::to_string(web_port)},
        logged("master.log"));
    for (int i = 1; i <= 2; ++i) {
      workers.push_back(std::make_unique<ChildProcess>(
          std::vector<std::string>{locust, "-f", locustfile.string(), "--worker", "--master-host", "127.0.0.1",
                                   "--master-port", std::to_string(master_port)},
          logged("worker-" + std::to_string(i) + ".log")));
    }
  }

  // SIGTERM to the master (it tells its workers to quit), then to each
  // worker left; SIGKILL after 10 s each. Whether all ended.
  bool stop() {
    master->stop(10s);
    for (auto& w : workers) w->stop(10s);
    bool ended = master->exited();
    for (auto& w : workers) ended = ended && w->exited();
    return ended;
  }
  ~OutsideLocust() { stop(); }
};

}  // namespace

TEST_CASE("run attached to a Locust master: counts from its own start, agrees with the target, leaves the master running") {
  const std::string locust = lh::test::external_program("locust", "test");
  DemoTarget target;
  TempFolder dir("locust_attach");

  // The outside run: the locustfile `export locust` writes, at most 120 s.
  const nlohmann::json outside_load = {{"requests", kRequests}, {"concurrency", 2}, {"rate", kRate}, {"duration", "120s"}};
  const auto outside = write_scenario(dir, "outside", scenario_with(target, outside_load));
  const auto locustfile = dir / "locustfile.py";
  const auto exported = run_command({LH_CLI_BIN, "export", "locust", outside.string(), "-o", locustfile.string()}, 60s);
  INFO(exported.out << exported.err);
  REQUIRE(exported.status == 0);
  OutsideLocust cluster(locust, locustfile, dir);
  const std::string master_url = "http://127.0.0.1:" + std::to_string(cluster.web_port);

  // It has run a while before LeakHound attaches: at least one report of
  // each worker reached the master.
  const auto warm = wait_for_master(cluster.web_port, 90s, [](const LocustStats& s) {
    return s.state == "running" && s.workers == 2 && s.requests >= 3 * kRate;
  });
  INFO("master.log: " << lh::test::read_file(dir / "master.log"));
  REQUIRE(warm);

  // The session, through the path `leakhound-cli run` takes.
  nlohmann::json attach_load = outside_load;
  attach_load["engine"] = "locust";
  attach_load["master"] = master_url;
  attach_load["duration"] = std::to_string(static_cast<int>(kWatchSeconds)) + "s";
  auto plan = lh::scenario::load_session_plan(write_scenario(dir, "attached", scenario_with(target, attach_load)));
  REQUIRE(plan.locust);
  REQUIRE(plan.locust->master_url == master_url);
  const double target_before = target.served("segment");
  const auto span_start = std::chrono::steady_clock::now();
  const auto master_before = master_stats(cluster.web_port);
  REQUIRE(master_before);
  lh::session::SessionRunner runner(std::move(plan), {.folder = dir / "session"});
  runner.start();
  REQUIRE(runner.wait_for(60s));
  const double target_after = target.served("segment");
  const double span_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - span_start).count();
  const auto master_after = master_stats(cluster.web_port);
  REQUIRE(master_after);
  const lh::session::SessionProgress end = runner.progress();

  const double counted = static_cast<double>(end.requests);
  const double target_span = target_after - target_before;
  INFO("session " << counted << ", target " << target_span << " in " << span_s << " s, master "
                  << master_before->requests << " before and " << master_after->requests << " after");
  CHECK(end.state == lh::session::SessionState::finished);
  CHECK(end.error.empty());
  CHECK(counted >= kRate * kWatchSeconds / 3);  // a loaded machine may send less than the rate
  // Only what the master counted while the session watched: not the
  // requests it had counted before (all of them, cumulative, would be more).
  CHECK(end.requests <= master_after->requests - master_before->requests);
  // The target's counter over the test's span (target_before .. after)
  // against the session's, first look .. last look, each on the master's
  // lagging answers. More than the target served: at most what the first
  // look's lag let in. Less: at most the span's seconds the session did not
  // watch (it watched kWatchSeconds at least), plus the lag at the end.
  CHECK(counted - target_span <= (kLagSeconds + kSlackSeconds) * kRate);
  CHECK(target_span - counted <= (span_s - kWatchSeconds + kLagSeconds + kSlackSeconds) * kRate);
  CHECK(end.errors == 0);

  // The journal holds the same count, as the load series the charts read.
  const lh::session::SessionData data = lh::session::load_session(dir / "session");
  REQUIRE(data.load);
  CHECK(data.load->completed == end.requests);
  REQUIRE(data.load_group);
  const auto total = data.store->find("load/requests_total");
  REQUIRE(total);
  const auto points = data.store->read_series(*total, 0);
  REQUIRE_FALSE(points.v.empty());
  CHECK(points.v.back() == counted);
  CHECK(points.v.front() < points.v.back());  // counted over the session, not all at once

  // LeakHound left the master alone: it still runs, and still sends.
  CHECK_FALSE(cluster.master->exited());
  CHECK(master_after->state == "running");
  CHECK(wait_for_master(cluster.web_port, 20s, [&](const LocustStats& s) { return s.requests > master_after->requests; }));
  CHECK(cluster.stop());
}

TEST_CASE("run attached to a master URL where nothing answers: one line naming it, nothing recorded") {
  DemoTarget target;
  TempFolder dir("locust_attach_none");
  const std::string url = "http://127.0.0.1:" + std::to_string(lh::test::unused_loopback_port());
  const nlohmann::json load = {{"engine", "locust"}, {"master", url}, {"requests", kRequests}, {"duration", "5s"}};
  const auto file = write_scenario(dir, "nothing", scenario_with(target, load));
  const auto out = dir / "session";
  const auto r = run_command({LH_CLI_BIN, "run", file.string(), "--out", out.string()}, 60s);
  INFO(r.out << r.err);
  CHECK(r.status == 2);
  CHECK(r.err == "leakhound-cli run: load.master: no Locust master answers at " + url + " (connection refused)\n");
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("run attached to a master URL where something else answers: one line naming it, nothing recorded") {
  DemoTarget target;
  TempFolder dir("locust_attach_other");
  const std::string url = target.url();
  const nlohmann::json load = {{"engine", "locust"}, {"master", url}, {"requests", kRequests}, {"duration", "5s"}};
  const auto file = write_scenario(dir, "other", scenario_with(target, load));
  const auto out = dir / "session";
  const auto r = run_command({LH_CLI_BIN, "run", file.string(), "--out", out.string()}, 60s);
  INFO(r.out << r.err);
  CHECK(r.status == 2);
  CHECK(r.err.starts_with("leakhound-cli run: load.master: " + url + " is not a Locust master's web UI: "));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(out));
}
