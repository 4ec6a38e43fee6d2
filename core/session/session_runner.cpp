#include "session/session_runner.h"

#include <cmath>
#include <exception>
#include <numeric>

#include "common/input_error.h"
#include "load/load_engine.h"
#include "load/load_summary.h"
#include "locust/locust_engine.h"
#include "session/journal_records.h"
#include "session/journal_writer.h"
#include "session/live_verdicts.h"
#include "session/session_header.h"
#include "session/load_series.h"
#include "session/store_journal.h"

namespace lh::session {
namespace {

SessionState final_state(load::RunState state) {
  switch (state) {
    case load::RunState::unreachable: return SessionState::unreachable;
    case load::RunState::stopped: return SessionState::stopped;
    default: return SessionState::finished;
  }
}

// The load's time left, when its end is a time: its duration, or with
// neither a duration nor a count, the end of its stages.
std::optional<double> load_seconds(const load::LoadPlan& plan) {
  if (plan.duration) return plan.duration->count();
  if (plan.count || plan.stages.empty()) return std::nullopt;
  return std::accumulate(plan.stages.begin(), plan.stages.end(), 0.0,
                         [](double sum, const load::Stage& s) { return sum + s.duration.count(); });
}

// Creates the folder; says so when it cannot.
bool make_folder(const std::filesystem::path& folder) {
  std::error_code error;
  const bool created = std::filesystem::create_directories(folder, error);
  if (error) throw InputError("\"" + folder.string() + "\": cannot be created (" + error.message() + ")");
  return created;
}

}  // namespace

SessionRunner::SessionRunner(SessionPlan plan, RunOptions options)
    : plan_(std::move(plan)), options_(std::move(options)) {
  if (options_.folder.empty()) throw InputError("the session needs a folder to write into");
  store_ = std::make_unique<probe::SeriesStore>(probe::StoreLimits{.max_rows = options_.max_rows_in_memory});
  // Both check their part of the plan and throw InputError naming the problem.
  sampler_ = std::make_unique<probe::Sampler>(plan_.probes, clock_, *store_);
  if (plan_.load) {
    if (plan_.locust) {
      engine_ = std::make_unique<locust::LocustEngine>(*plan_.locust, *plan_.load, clock_, options_.folder);
    } else {
      engine_ = std::make_unique<load::LoadEngine>(*plan_.load, clock_);
    }
    load_series_ = std::make_unique<LoadSeries>(*store_);
  }
  const bool created = make_folder(options_.folder);
  try {
    journal_ = std::make_unique<JournalWriter>(options_.folder / journal::kFileName);
  } catch (const InputError&) {
    std::error_code ignored;
    if (created) std::filesystem::remove(options_.folder, ignored);
    throw;
  }
  store_journal_ = std::make_unique<StoreJournal>(*store_, *journal_);
  live_ = std::make_unique<LiveVerdicts>(*store_, sampler_->group(), plan_.probes.memory_limit_mib, plan_.analysis,
                                         plan_.request_counter);
  progress_.with_load = plan_.load.has_value();
  progress_.stage_count = plan_.load ? plan_.load->stages.size() : 0;
}

SessionRunner::~SessionRunner() {
  stop();
  if (collector_.joinable()) collector_.join();
  if (!started_) {
    const auto path = journal_->path();
    journal_.reset();
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
}

probe::GroupId SessionRunner::probe_group() const { return sampler_->group(); }
std::optional<probe::GroupId> SessionRunner::load_group() const {
  return load_series_ ? std::optional(load_series_->group()) : std::nullopt;
}

void SessionRunner::write_header() {
  journal_->append(session_header(plan_, clock_.start_wall()));
  journal_->flush();
}

void SessionRunner::start() {
  std::lock_guard lock(control_mutex_);
  if (started_ || stop_before_start_) return;
  clock_ = SessionClock();  // nothing reads it before this point
  write_header();
  sampler_->start();
  try {
    if (engine_) engine_->start();
  } catch (...) {  // lh::RuntimeFailure: the system gave the load no file descriptors or memory
    sampler_->stop();
    throw;
  }
  {
    std::lock_guard progress_lock(progress_mutex_);
    progress_.state = SessionState::running;
  }
  started_ = true;
  collector_ = std::thread([this] { run(); });
}

void SessionRunner::pause() {
  std::lock_guard lock(control_mutex_);
  if (started_ && engine_) engine_->pause();
}

void SessionRunner::resume() {
  std::lock_guard lock(control_mutex_);
  if (started_ && engine_) engine_->resume();
}

void SessionRunner::stop() {
  std::lock_guard lock(control_mutex_);
  if (started_) {
    // The collector sees the load (or the watch) end and finishes the session.
    if (engine_) {
      engine_->stop();
    } else {
      std::lock_guard watch_lock(watch_mutex_);
      watch_stopped_ = true;
      watch_cv_.notify_all();
    }
    return;
  }
  if (stop_before_start_.exchange(true)) return;
  std::lock_guard progress_lock(progress_mutex_);
  progress_.state = SessionState::stopped;
  over_ = true;
  over_cv_.notify_all();
}

bool SessionRunner::wait_for(std::chrono::milliseconds timeout) {
  std::unique_lock lock(progress_mutex_);
  return over_cv_.wait_for(lock, timeout, [this] { return over_.load(); });
}

void SessionRunner::wait() {
  while (!wait_for(std::chrono::hours(24))) {
  }
}

SessionState SessionRunner::state() const {
  std::lock_guard lock(progress_mutex_);
  return progress_.state;
}

SessionProgress SessionRunner::progress() const {
  std::lock_guard lock(progress_mutex_);
  return progress_;
}

std::vector<SeriesVerdict> SessionRunner::live_verdicts() const {
  std::lock_guard lock(progress_mutex_);
  return verdicts_;
}

void SessionRunner::run() {
  try {
    for (;;) {
      // Wakes early when the load or the watch ends (its duration, or stop()).
      const bool over = engine_ ? engine_->wait_for(options_.collect_every) : watch_over(options_.collect_every);
      collect(false);
      if (over) break;
    }
    sampler_->stop();
    collect(true);
  } catch (const std::exception& e) {  // the journal can no longer be written, or memory ran out
    if (engine_) engine_->stop();
    sampler_->stop();
    std::lock_guard lock(progress_mutex_);
    progress_.state = SessionState::failed;
    progress_.error = e.what();
  }
  std::lock_guard lock(progress_mutex_);
  over_ = true;
  over_cv_.notify_all();
}

bool SessionRunner::watch_over(std::chrono::milliseconds timeout) {
  std::unique_lock lock(watch_mutex_);
  auto ended = [this] { return watch_stopped_ || (plan_.watch_duration && clock_.now() >= plan_.watch_duration->count()); };
  if (ended()) return true;
  auto wake = timeout;
  if (plan_.watch_duration) {
    const double left_s = plan_.watch_duration->count() - clock_.now();
    wake = std::min(wake, std::chrono::ceil<std::chrono::milliseconds>(std::chrono::duration<double>(left_s)));
  }
  watch_cv_.wait_for(lock, wake, [this] { return watch_stopped_; });
  return ended();
}

SessionState SessionRunner::end_state(const load::LoadSnapshot& snapshot) const {
  if (engine_) return final_state(snapshot.state);
  std::lock_guard lock(watch_mutex_);
  return watch_stopped_ ? SessionState::stopped : SessionState::finished;
}

void SessionRunner::collect(bool last) {
  // Without load, an empty snapshot: no rows, no totals.
  const load::LoadSnapshot snapshot = engine_ ? engine_->snapshot(cursor_) : load::LoadSnapshot{};
  cursor_ = snapshot.cursor;
  for (const load::SecondRow& row : snapshot.rows) load_series_->append(row);
  for (const Event& e : snapshot.events) store_->add_event(e);

  const probe::StoreReader::Delta& delta = store_journal_->write_new();
  live_->add(delta);
  restarts_.add(delta.events);

  // The load's totals and latencies, at most once a second while they
  // change: what `report` tells of a run that was killed.
  const double now = clock_.now();
  if (plan_.load && (last || (now - last_load_record_s_ >= 1.0 && snapshot.totals.completed != last_completed_))) {
    journal_->append(journal::LoadRecord{.t = journal::rounded_ms(now), .summary = load::summarize(*plan_.load, snapshot)});
    last_load_record_s_ = now;
    last_completed_ = snapshot.totals.completed;
  }
  if (last) {
    journal_->append(journal::EndRecord{.t = journal::rounded_ms(now),
                                        .state = std::string(to_string(end_state(snapshot))),
                                        .ended = clock_.wall_at(now)});
  }
  journal_->flush();
  publish(snapshot, last);
}

void SessionRunner::publish(const load::LoadSnapshot& snapshot, bool last) {
  SessionProgress p;
  p.state = last ? end_state(snapshot)
            : snapshot.state == load::RunState::paused ? SessionState::paused
                                                        : SessionState::running;
  p.with_load = plan_.load.has_value();
  p.elapsed_s = clock_.now();
  p.load_elapsed_s = snapshot.elapsed_s;
  if (plan_.load) {
    if (const auto total = load_seconds(*plan_.load); total && !last) p.remaining_s = std::max(0.0, *total - snapshot.elapsed_s);
  } else if (plan_.watch_duration && !last) {
    p.remaining_s = std::max(0.0, plan_.watch_duration->count() - p.elapsed_s);
  }
  p.requests_per_second = snapshot.current_requests_per_second;
  p.requests = snapshot.totals.completed;
  p.errors = snapshot.totals.failed() + snapshot.totals.non_2xx;
  p.p50_ms = snapshot.latency.p50_ms;
  p.p99_ms = snapshot.latency.p99_ms;
  p.stage = snapshot.stage;
  p.stage_count = snapshot.stage_count;
  p.samples = store_->row_count(sampler_->group());
  p.restarts = restarts_.count();
  p.events = store_->event_count();
  if (snapshot.state == load::RunState::unreachable) p.error = snapshot.first_error;

  std::vector<SeriesVerdict> verdicts = live_->verdicts();
  if (const auto watched = store_->watched_memory()) {
    const probe::SeriesInfo& info = store_->series(*watched);
    p.watched_series = info.name;
    p.watched_unit = analysis_unit(info);
    const std::uint64_t rows = store_->row_count(info.group);
    const probe::SeriesPoints last_point = store_->read_series(*watched, rows > 0 ? rows - 1 : 0);
    p.watched_value = last_point.v.empty() ? std::nan("") : last_point.v.back();
    for (const SeriesVerdict& v : verdicts) {
      if (v.watched) p.watched_verdict = v.verdict;
    }
  }
  std::lock_guard lock(progress_mutex_);
  progress_ = std::move(p);
  verdicts_ = std::move(verdicts);
}

}  // namespace lh::session
