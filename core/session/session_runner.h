#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "load/load_driver.h"
#include "probe/sampler.h"
#include "probe/series_store.h"
#include "session/analysed_series.h"
#include "session/restart_count.h"
#include "session/session_plan.h"
#include "session/session_progress.h"

namespace lh::session {

class JournalWriter;
class LiveVerdicts;
class LoadSeries;
class StoreJournal;

struct RunOptions {
  // The session folder: created if missing; it must not hold a session yet.
  std::filesystem::path folder;
  // Rows kept in memory per group. Past it the oldest rows leave the store
  // (charts of the live run lose their start); the journal keeps them all,
  // and the files and report are written from the journal. The default
  // holds 23 days at 1 s, or 4.6 days at 200 ms.
  std::size_t max_rows_in_memory = 2'000'000;
  // How often the session's thread moves the load's rows into the store,
  // writes the journal and updates the progress. The journal is flushed
  // every time: at most this long is lost to a kill.
  std::chrono::milliseconds collect_every{250};
};

// Runs one scenario: the load engine (LeakHound's own, or Locust with
// plan.locust: locust::LocustEngine) and the sampler on one session clock,
// a journal of everything in the session folder, live verdicts and a
// progress snapshot.
//
//   SessionRunner run(plan, {.folder = dir});   // throws InputError for a bad plan or folder
//   run.start();
//   while (!run.wait_for(250ms)) show(run.progress());
//   SessionData data = load_session(dir);      // then write_session_files(), the PDF …
//
// Threads. The load engine and the sampler run on threads of their own and
// write into the store: the sampler its "probe" group, the session's own
// collector thread the "load" group (the engine's per-second rows) and the
// stage events. The collector also appends the store's new rows and events
// to the journal and flushes it, feeds the live analyzers and publishes the
// progress, every `collect_every`. Every public method may be called from
// any thread (the desktop's GUI thread, a signal-handling thread); none
// waits for the workers except wait_for()/wait() and the destructor.
// Readers of store() never block the writers (see SeriesStore).
//
// Memory: the store (8 bytes a value), the live analyzers (16 bytes a
// sample of each analysed series) and at most 100,000 events; everything
// else is bounded by a few seconds of data.
class SessionRunner {
 public:
  SessionRunner(SessionPlan plan, RunOptions options);
  // Stops a session still going on and waits for its threads. A session
  // never started leaves no journal behind.
  ~SessionRunner();
  SessionRunner(const SessionRunner&) = delete;
  SessionRunner& operator=(const SessionRunner&) = delete;

  // Starts the clock, the probes, the load and the collector. Once only.
  // Throws lh::RuntimeFailure when the journal's header cannot be written
  // or the load gets no file descriptors or memory; nothing runs then.
  void start();
  void pause();
  void resume();
  // Ends the session at any moment (before start() too): the load stops at
  // once, the journal gets its last records and the state becomes stopped.
  void stop();

  // True when the session has ended (its journal complete) within `timeout`.
  bool wait_for(std::chrono::milliseconds timeout);
  void wait();

  SessionState state() const;
  SessionProgress progress() const;
  // The live verdict of every analysed series, watched first; refreshed
  // with the progress.
  std::vector<SeriesVerdict> live_verdicts() const;

  // For charts: read from any thread at any time (SeriesStore's rules).
  const probe::SeriesStore& store() const { return *store_; }
  probe::GroupId probe_group() const;
  // nullopt for a session without load.
  std::optional<probe::GroupId> load_group() const;
  const SessionClock& clock() const { return clock_; }
  const SessionPlan& plan() const { return plan_; }
  const std::filesystem::path& folder() const { return options_.folder; }

 private:
  void run();
  void collect(bool last);
  void write_header();
  void publish(const load::LoadSnapshot& snapshot, bool last);
  // Without load: waits up to `timeout` for the end (watch_duration or
  // stop()); true when it has come.
  bool watch_over(std::chrono::milliseconds timeout);
  // The session's state as a snapshot gives it (or, without load, stop()).
  SessionState end_state(const load::LoadSnapshot& snapshot) const;

  const SessionPlan plan_;
  const RunOptions options_;
  SessionClock clock_;  // reset by start(): t = 0 is when the session starts
  std::unique_ptr<probe::SeriesStore> store_;
  std::unique_ptr<probe::Sampler> sampler_;
  std::unique_ptr<load::LoadDriver> engine_;  // LeakHound's own engine, or Locust; null without load
  std::unique_ptr<LoadSeries> load_series_;
  std::unique_ptr<JournalWriter> journal_;
  std::unique_ptr<StoreJournal> store_journal_;
  std::unique_ptr<LiveVerdicts> live_;

  // The collector's own state.
  load::SnapshotCursor cursor_;
  double last_load_record_s_ = -1;
  std::uint64_t last_completed_ = 0;
  RestartCount restarts_;

  std::thread collector_;
  std::mutex control_mutex_;  // start, stop, pause, resume: one at a time
  bool started_ = false;
  std::atomic<bool> stop_before_start_{false};
  std::atomic<bool> over_{false};
  // Without load: stop() was called.
  mutable std::mutex watch_mutex_;
  std::condition_variable watch_cv_;
  bool watch_stopped_ = false;

  mutable std::mutex progress_mutex_;
  SessionProgress progress_;
  std::vector<SeriesVerdict> verdicts_;
  std::condition_variable over_cv_;
};

}  // namespace lh::session
