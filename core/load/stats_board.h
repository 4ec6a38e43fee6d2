#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "load/latency_histogram.h"
#include "load/load_stats.h"

namespace lh::load {

// What a worker hands over at a flush: everything it counted since its last
// flush, all of it within one second of the run (a worker flushes whenever
// the second changes, and otherwise about ten times a second).
struct WorkerReport {
  int worker = 0;
  std::int64_t second = 0;  // the run second the counts belong to
  Totals totals;
  LatencyHistogram latency;
  std::uint64_t errors = 0;
  // The worker will report nothing more for the seconds before this one.
  std::int64_t watermark = 0;
  int in_flight = 0;
  double target = 0;  // the whole run's target, as this worker saw it
  // The pause (RunControl::pause_mark) the worker saw before deciding
  // whether to send more, or -1: once it is a pause's mark, the counts
  // above include everything the worker sent before that pause.
  std::int64_t pause = -1;
};

// Where the workers' batches meet: totals, the latency histogram of the
// whole run, and the per-second rows, finished once every worker has moved
// past a second. Workers publish here about ten times a second each, and
// readers copy from here; neither happens per request.
class StatsBoard {
 public:
  // rows_kept bounds memory over a run of any length: older rows are dropped
  // (readers that keep them, such as the session's journal, poll often).
  StatsBoard(int workers, double started_at_s, std::size_t rows_kept = 3600);

  void publish(const WorkerReport& report);
  // The worker has stopped: the others alone decide when a second is over.
  void worker_done(int worker);
  // Every worker has stopped; the run lasted `elapsed_s`: finish the last rows.
  void finish(double elapsed_s);

  void add_event(Event event);
  // Records the stage once, however many workers notice it.
  void enter_stage(std::size_t stage, Event event);
  void note_first_error(const std::string& message);

  // Whether every worker still running has reported from within the pause
  // `mark`: from then on, totals read here include all it will send until
  // it resumes.
  bool all_paused(std::int64_t mark) const;

  // Fills the counters, latencies, rows and events of `out` (since `since`).
  void fill(LoadSnapshot& out, const SnapshotCursor& since) const;

 private:
  struct PendingSecond {
    SecondRow row;
    LatencyHistogram latency;
  };
  void emit_rows_before(std::int64_t second, double last_interval_s);
  SecondRow finished_row(std::int64_t second, PendingSecond* pending, double interval_s) const;

  mutable std::mutex mutex_;
  const double started_at_s_;
  const std::size_t rows_kept_;
  Totals totals_;
  LatencyHistogram latency_;
  std::vector<std::int64_t> watermarks_;  // per worker; INT64_MAX once done
  std::vector<int> in_flight_;
  std::vector<std::int64_t> pauses_seen_;  // per worker; kDone once done
  double target_ = 0;
  std::map<std::int64_t, std::unique_ptr<PendingSecond>> pending_;
  std::vector<std::unique_ptr<PendingSecond>> spare_;
  std::int64_t next_second_ = 0;  // the first second without a row yet
  std::deque<SecondRow> rows_;
  std::uint64_t first_row_ = 0;  // sequence number of rows_.front()
  std::vector<Event> events_;
  std::size_t stage_seen_ = SIZE_MAX;
  std::string first_error_;
};

}  // namespace lh::load
