#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "common/clock.h"
#include "load/load_driver.h"
#include "load/load_plan.h"
#include "locust/locust_settings.h"
#include "locust/locust_stats.h"

namespace lh::locust {

class LocustCluster;

// Locust as a session's load (a scenario's "engine": "locust"): starts a
// master and local workers on loopback with the scenario's locustfile
// (LocustCluster), or attaches to a master already running elsewhere, and
// reads its /stats/requests once a second into snapshots of the shape
// LeakHound's own engine gives (load::LoadDriver), on the session clock:
//   - each look is a row: the requests and failures since the previous
//     look, Locust's current median (its last 10 s) as p50, the run's p99
//     so far as p99 (2.12 gives no current p99), the user count as both
//     the target and the requests in flight;
//   - the totals are the sum of those rows; failures are sorted by Locust's
//     error texts into answers outside 2xx (non_2xx), connect, timeout, and
//     read for the rest.
// Locust's counts are cumulative over its run: a local master starts with
// the session, so the session counts from zero; an attached master may have
// run for hours, so the session counts from its own first look (taken as
// the session starts), and only what the master counted after it. (Its
// p90 and p99 stay Locust's "run so far": they cannot be split.)
// When the local master has ended, the Aggregated row of its CSV gives the
// final totals (a last row holds what the last look missed), so the
// session's request count is Locust's own. Locust's files (locustfile.py,
// its --csv files with --csv-full-history, the logs) stay in
// `folder`/locust/.
//
// Locust cannot pause: pause() and resume() do nothing. stop() ends a
// local run (SIGTERM to the master, then to the workers, SIGKILL after 10 s
// each); attached, it stops reading and leaves the master alone. A local
// run also ends when the master ends by itself (the locustfile's shape
// ended the run); an attached one when its master says "stopped" after it
// ran, or when the plan's duration (or stages) has passed.
class LocustEngine : public load::LoadDriver {
 public:
  // The plan gives the duration and stages that bound the run; the
  // locustfile sends the requests. Throws InputError for bad settings, when
  // `locust` cannot be found on PATH for a local run, or, attached, when no
  // Locust master answers at the URL (one line naming it: nothing answers,
  // or what answers is not a Locust master's web UI).
  LocustEngine(LocustSettings settings, load::LoadPlan plan, const SessionClock& clock, std::filesystem::path folder);
  ~LocustEngine() override;

  void start() override;
  void pause() override {}
  void resume() override {}
  void stop() override;
  bool wait_for(std::chrono::milliseconds timeout) override;
  load::LoadSnapshot snapshot(const load::SnapshotCursor& since = {}) const override;

  // The web UI read from (the local master's, or the attached one).
  std::string web_url() const;

 private:
  void run();
  // Requests and failures as the master counts them, over its whole run.
  struct Counts {
    std::uint64_t requests = 0, failures = 0, http = 0, connect = 0, timeout = 0;
  };
  static Counts counts_of(const LocustStats& stats);

  void take(const LocustStats& stats, bool last);
  void take_baseline(const LocustStats& stats);
  void add_event(EventKind kind, std::string detail);
  std::optional<double> end_s() const;

  const LocustSettings settings_;
  const load::LoadPlan plan_;
  const SessionClock& clock_;
  const std::filesystem::path folder_;
  std::filesystem::path program_;
  std::unique_ptr<LocustCluster> cluster_;
  std::thread thread_;

  mutable std::mutex mutex_;  // guards what follows
  std::condition_variable wake_;
  bool started_ = false, stop_requested_ = false, done_ = false;
  load::RunState state_ = load::RunState::ready;
  double started_at_s_ = 0, last_row_end_s_ = 0, ended_at_s_ = 0;
  LocustStats last_;
  bool have_stats_ = false;
  Counts seen_;     // the master's counts at the last look (attached: from the first look)
  Counts counted_;  // what this session counted: the sum of its rows
  std::deque<load::SecondRow> rows_;
  std::uint64_t first_row_ = 0;  // the number of the oldest row kept
  std::vector<Event> events_;
  std::string first_error_;
  std::string web_url_;
};

}  // namespace lh::locust
