#include "load/load_engine.h"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>

#include "common/input_error.h"
#include "load/limits.h"
#include "load/request_mix.h"
#include "load/run_control.h"
#include "load/stage_schedule.h"
#include "load/stats_board.h"
#include "load/worker.h"

namespace lh::load {
namespace {

LoadPlan validated(LoadPlan plan) {
  validate(plan);
  return plan;
}

// Every connection is an open file. Many systems start a process with a
// soft limit of 1024: raise it as far as the plan needs, up to the hard
// limit, which only the administrator can raise; a plan that needs more is
// refused here rather than failing connection after connection.
void raise_open_files_limit(const LoadPlan& plan) {
  rlimit files{};
  const auto needed = static_cast<rlim_t>(files_needed(plan));
  if (getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur == RLIM_INFINITY || files.rlim_cur >= needed) return;
  if (files.rlim_max != RLIM_INFINITY && files.rlim_max < needed) {
    throw InputError(std::to_string(needed - kReservedFiles) + " connections need " + std::to_string(needed) +
                     " open files, over this system's limit of " + std::to_string(files.rlim_max) +
                     " (ulimit -Hn; the administrator can raise it)");
  }
  files.rlim_cur = needed;
  setrlimit(RLIMIT_NOFILE, &files);
}

// libcurl's global set-up is not thread-safe; do it once, before any thread.
void init_curl_once() {
  static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  (void)done;
}

}  // namespace

int default_threads(const LoadPlan&) {
  // One thread drives thousands of connections over epoll. Measured on two
  // cores against nginx on the same machine (bench/load/run.sh), a second
  // thread raised neither throughput nor efficiency: the server needs the
  // other core. A client with cores to spare can ask for more.
  return 1;
}

LoadEngine::LoadEngine(LoadPlan plan, const SessionClock& clock)
    : plan_(validated(std::move(plan))),
      clock_(clock),
      threads_(plan_.threads > 0 ? static_cast<int>(std::min<std::int64_t>(plan_.threads, plan_.concurrency)) : default_threads(plan_)) {
  init_curl_once();
  raise_open_files_limit(plan_);
  mix_ = std::make_unique<RequestMix>(plan_);
  schedule_ = std::make_unique<StageSchedule>(plan_.rate ? *plan_.rate : plan_.concurrency, plan_.stages);
}

LoadEngine::~LoadEngine() {
  stop();
  join_threads();
}

void LoadEngine::start() {
  std::lock_guard lock(control_mutex_);
  if (started_ || stop_before_start_) return;
  const auto load_start = MonoClock::now();
  control_ = std::make_unique<RunControl>(load_start);
  board_ = std::make_unique<StatsBoard>(threads_, clock_.seconds(load_start));
  const WorkerContext context{plan_, *mix_, *schedule_, *control_, *board_, clock_, threads_};
  try {
    for (int i = 0; i < threads_; ++i) workers_.push_back(std::make_unique<Worker>(context, i));
  } catch (...) {
    workers_.clear();  // not started: start() may be called again
    throw;
  }
  workers_left_ = threads_;
  for (int i = 0; i < threads_; ++i) {
    threads_running_.emplace_back([this, i] {
      workers_[static_cast<std::size_t>(i)]->run();
      if (workers_left_.fetch_sub(1) == 1) on_worker_done();
    });
  }
  started_ = true;
}

// The last worker out finishes the rows and tells the waiters.
void LoadEngine::on_worker_done() {
  const auto end = MonoClock::now();
  board_->finish(std::chrono::duration<double>(end - control_->load_start()).count());
  std::lock_guard lock(done_mutex_);
  final_elapsed_s_ = control_->active_seconds(end);
  final_state_ = control_->unreachable ? RunState::unreachable
                 : control_->stop_requested() ? RunState::stopped
                                              : RunState::finished;
  done_ = true;
  done_cv_.notify_all();
}

void LoadEngine::pause() {
  std::lock_guard lock(control_mutex_);
  if (!started_ || finished() || !control_->pause(MonoClock::now())) return;
  for (auto& w : workers_) w->wake();
}

void LoadEngine::resume() {
  std::lock_guard lock(control_mutex_);
  if (!started_ || finished() || !control_->resume(MonoClock::now())) return;
  for (auto& w : workers_) w->wake();
}

void LoadEngine::stop() {
  std::lock_guard lock(control_mutex_);
  if (!started_) {
    stop_before_start_ = true;
    return;
  }
  control_->request_stop();
  for (auto& w : workers_) w->wake();
}

bool LoadEngine::finished() const {
  std::lock_guard lock(done_mutex_);
  return done_ || (stop_before_start_ && !started_);
}

bool LoadEngine::wait_for(std::chrono::milliseconds timeout) {
  {
    std::unique_lock lock(done_mutex_);
    if (!started_) return stop_before_start_;
    if (!done_cv_.wait_for(lock, timeout, [this] { return done_; })) return false;
  }
  join_threads();
  return true;
}

void LoadEngine::wait() {
  while (!wait_for(std::chrono::hours(24))) {
  }
}

void LoadEngine::join_threads() {
  std::lock_guard lock(join_mutex_);
  for (auto& t : threads_running_) {
    if (t.joinable()) t.join();
  }
}

LoadSnapshot LoadEngine::snapshot(const SnapshotCursor& since) const {
  LoadSnapshot s;
  s.stage_count = plan_.stages.size();
  if (!started_ || !control_) {
    s.state = stop_before_start_ ? RunState::stopped : RunState::ready;
    s.target = plan_.rate ? *plan_.rate : plan_.concurrency;
    s.cursor = since;
    return s;
  }
  // Paused once every worker has seen the pause (before the counts are
  // read, so they include all that was sent before it): a snapshot that
  // says paused has counts that stay as they are until resume().
  const std::int64_t pause = control_->pause_mark();
  const bool paused = pause >= 0 && board_->all_paused(pause);
  board_->fill(s, since);
  s.started_at_s = clock_.seconds(control_->load_start());
  {
    std::lock_guard lock(done_mutex_);
    if (done_) {
      s.state = final_state_;
      s.elapsed_s = final_elapsed_s_;
    } else {
      s.state = paused ? RunState::paused : RunState::running;
      s.elapsed_s = control_->active_seconds(MonoClock::now());
    }
  }
  s.stage = schedule_->stage_at(s.elapsed_s);
  s.target = plan_.rate ? schedule_->value_at(s.elapsed_s) : std::round(schedule_->value_at(s.elapsed_s));
  if (s.elapsed_s > 0) s.requests_per_second = static_cast<double>(s.totals.completed) / s.elapsed_s;
  return s;
}

}  // namespace lh::load
