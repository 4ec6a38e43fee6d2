#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "load/load_driver.h"
#include "load/load_plan.h"
#include "load/load_stats.h"

namespace lh::load {

class RequestMix;
class RunControl;
class StageSchedule;
class StatsBoard;
class Worker;

// Runs a load plan against its target on threads of its own, stamping what
// it records with the session's clock, and publishes what it counts for
// readers at any time:
//
//   lh::SessionClock clock;
//   LoadEngine engine(plan, clock);   // throws InputError for a bad plan
//   engine.start();                    // returns at once
//   while (!engine.wait_for(250ms)) show(engine.snapshot(cursor));
//
// Every method may be called from any thread; none blocks on the workers.
class LoadEngine : public LoadDriver {
 public:
  // Validates the plan and prepares it: reads body files, lists upload
  // folders, raises the process's soft limit of open files to what the
  // connections need. Throws InputError naming the first problem, or the
  // hard limit of open files when the connections need more.
  LoadEngine(LoadPlan plan, const SessionClock& clock);
  // Stops the run if it still goes on, and waits for its threads.
  ~LoadEngine() override;
  LoadEngine(const LoadEngine&) = delete;
  LoadEngine& operator=(const LoadEngine&) = delete;

  // Starts the run; the load begins now on the session clock. Once only.
  // Throws lh::RuntimeFailure when the system gives a worker no file
  // descriptors or memory (Worker); nothing has started then.
  void start() override;
  // Sends nothing new while paused (requests in flight finish). Durations,
  // stages and arrivals count running time only, so a pause shifts them.
  // Snapshots say paused once every worker has seen the pause (within a
  // loop turn of each), and their counts then stay put until resume().
  void pause() override;
  void resume() override;
  // Ends the run at once: requests in flight are abandoned (counted as
  // aborted) and the threads end within milliseconds. Safe at any moment,
  // before start() and after the end included.
  void stop() override;

  bool finished() const;
  // True when the run has ended within `timeout`.
  bool wait_for(std::chrono::milliseconds timeout) override;
  void wait();

  // Counters, latencies and the current stage; the per-second rows and
  // stage events since `since` (pass the previous snapshot's cursor to get
  // only what is new). Costs a short lock and tens of microseconds: meant
  // for a few reads a second, not for a tight loop.
  LoadSnapshot snapshot(const SnapshotCursor& since = {}) const override;

  const LoadPlan& plan() const { return plan_; }
  int threads() const { return threads_; }

 private:
  void on_worker_done();
  void join_threads();

  const LoadPlan plan_;
  const SessionClock& clock_;
  const int threads_;
  std::unique_ptr<RequestMix> mix_;
  std::unique_ptr<StageSchedule> schedule_;
  std::unique_ptr<RunControl> control_;
  std::unique_ptr<StatsBoard> board_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<std::thread> threads_running_;
  std::atomic<int> workers_left_{0};
  std::mutex control_mutex_;  // start, stop, pause and resume, one at a time
  std::atomic<bool> started_{false};
  std::atomic<bool> stop_before_start_{false};

  mutable std::mutex done_mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  RunState final_state_ = RunState::finished;
  double final_elapsed_s_ = 0;
  std::mutex join_mutex_;
};

// How many worker threads a plan gets when it does not say: one (see
// load_engine.cpp for why).
int default_threads(const LoadPlan& plan);

}  // namespace lh::load
