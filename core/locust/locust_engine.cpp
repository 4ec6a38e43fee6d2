#include "locust/locust_engine.h"

#include <cmath>
#include <fstream>
#include <numeric>

#include "common/atomic_file.h"
#include "common/input_error.h"
#include "locust/locust_cluster.h"
#include "probe/http_fetcher.h"
#include "sys/find_program.h"

namespace lh::locust {
namespace {

using namespace std::chrono_literals;
constexpr auto kLookEvery = 1s;
constexpr std::size_t kMaxRowsKept = 3600;  // a reader polling four times a second never misses one
constexpr std::size_t kMaxEvents = 1000;
// How long past its planned end a run may go before LeakHound ends it: the
// workers' start, the shape's last tick and the master's autoquit.
constexpr double kOverrunSeconds = 90;

// Counts fell: the master's statistics were reset (a new run), all new.
std::uint64_t since(std::uint64_t now, std::uint64_t before) { return now >= before ? now - before : now; }

// A master's /stats/requests answer read, or what is wrong with it (one line).
std::optional<LocustStats> read_answer(const probe::HttpResponse& response, std::string& problem) {
  if (response.outcome != probe::HttpResponse::Outcome::answered) {
    problem = response.error;
  } else if (response.status != 200) {
    problem = "HTTP status " + std::to_string(response.status);
  } else {
    try {
      return read_stats_json(response.body);
    } catch (const InputError& e) {
      problem = std::string("its statistics could not be read: ") + e.what();
    }
  }
  return std::nullopt;
}

probe::HttpFetcher stats_fetcher(const std::string& web_url, std::chrono::milliseconds timeout) {
  probe::HttpRequest request;
  request.url = web_url + "/stats/requests";
  return probe::HttpFetcher({request}, {.timeout = timeout, .max_body_bytes = kMaxStatsBytes});
}

// An attached session's master must answer as Locust before anything
// starts: a wrong URL is a mistake in the scenario, told at once, not a
// session that records nothing until its duration has passed.
void check_master_answers(const std::string& web_url) {
  auto fetcher = stats_fetcher(web_url, 5s);
  const auto& response = fetcher.fetch_all().front();
  std::string problem;
  if (read_answer(response, problem)) return;
  if (response.outcome != probe::HttpResponse::Outcome::answered) {
    throw InputError("load.master: no Locust master answers at " + web_url + " (" + problem + ")");
  }
  throw InputError("load.master: " + web_url + " is not a Locust master's web UI: its /stats/requests gave " + problem);
}

}  // namespace

LocustEngine::LocustEngine(LocustSettings settings, load::LoadPlan plan, const SessionClock& clock,
                           std::filesystem::path folder)
    : settings_(std::move(settings)), plan_(std::move(plan)), clock_(clock), folder_(std::move(folder)) {
  throw_first(check(settings_));
  if (!settings_.attached()) {
    auto found = sys::find_program("locust");
    if (!found) throw InputError("load.engine: \"locust\" needs Locust's `locust` program on PATH (Debian: apt install python3-locust)");
    program_ = *found;
  }
  web_url_ = settings_.master_url;
  while (web_url_.ends_with('/')) web_url_.pop_back();
  if (settings_.attached()) check_master_answers(web_url_);
}

LocustEngine::~LocustEngine() {
  stop();
  if (thread_.joinable()) thread_.join();
}

std::string LocustEngine::web_url() const {
  std::lock_guard lock(mutex_);
  return web_url_;
}

void LocustEngine::start() {
  std::lock_guard lock(mutex_);
  if (started_ || stop_requested_) return;
  if (!settings_.attached()) {
    const ClusterFiles files{folder_ / "locust"};
    std::error_code ec;
    std::filesystem::create_directories(files.folder, ec);
    write_file_atomically(files.locustfile(), settings_.locustfile);
    cluster_ = std::make_unique<LocustCluster>(program_, files, settings_.workers);
    web_url_ = cluster_->web_url();
  }
  started_at_s_ = last_row_end_s_ = clock_.now();
  state_ = load::RunState::running;
  started_ = true;
  thread_ = std::thread([this] { run(); });
}

void LocustEngine::stop() {
  std::lock_guard lock(mutex_);
  if (!started_) {
    done_ = true;
    state_ = load::RunState::stopped;
  }
  stop_requested_ = true;
  wake_.notify_all();
}

bool LocustEngine::wait_for(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return wake_.wait_for(lock, timeout, [this] { return done_; });
}

std::optional<double> LocustEngine::end_s() const {
  if (plan_.duration) return plan_.duration->count();
  if (!plan_.stages.empty()) {
    return std::accumulate(plan_.stages.begin(), plan_.stages.end(), 0.0,
                           [](double sum, const load::Stage& s) { return sum + s.duration.count(); });
  }
  return std::nullopt;
}

void LocustEngine::add_event(EventKind kind, std::string detail) {
  if (events_.size() < kMaxEvents) events_.push_back({clock_.now(), "locust", kind, std::move(detail)});
}

void LocustEngine::run() {
  auto fetcher = stats_fetcher(web_url(), 2s);
  bool ran = false, answering = true;
  // Attached, the first look is at once: the counts the session counts from.
  auto next = std::chrono::steady_clock::now() - (settings_.attached() ? kLookEvery : 0s);
  for (;;) {
    next += kLookEvery;
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_until(lock, next, [this] { return stop_requested_; })) break;
    }
    std::string problem;
    const std::optional<LocustStats> stats = read_answer(fetcher.fetch_all().front(), problem);
    std::lock_guard lock(mutex_);
    // A local master that is still starting does not answer yet: no event for that.
    if (!stats && answering && (ran || settings_.attached())) {
      add_event(EventKind::unreachable, "Locust's master at " + web_url_ + ": " + problem);
      answering = false;
    } else if (stats && !answering) {
      add_event(EventKind::recovered, "Locust's master answers again");
      answering = true;
    }
    if (stats) {
      if (settings_.attached() && !have_stats_) {
        take_baseline(*stats);
      } else {
        take(*stats, false);
      }
      // Attached to a master that had already stopped, the session waits for its next run.
      ran = ran || stats->state == "running" || stats->state == "spawning" || counted_.requests > 0;
      if (settings_.attached() && ran && stats->state == "stopped") break;
    }
    if (cluster_ && cluster_->master_exited()) break;
    if (const auto end = end_s(); end && clock_.now() - started_at_s_ > *end + (settings_.attached() ? 0 : kOverrunSeconds)) {
      add_event(EventKind::stage, settings_.attached()
                                      ? "LeakHound stopped reading Locust's master at its planned end; the master runs on"
                                      : "LeakHound ended the Locust run: its planned end has passed");
      break;
    }
  }
  fetcher.cancel();
  if (cluster_) {
    const auto status = cluster_->master_exited();
    cluster_->stop();
    // The master's last word: its CSV's Aggregated row, written every second until it quit.
    std::ifstream csv(ClusterFiles{folder_ / "locust"}.stats_csv());
    std::optional<LocustStats> final_stats;
    try {
      if (csv) final_stats = read_stats_csv(csv);
    } catch (const InputError&) {
    }
    std::lock_guard lock(mutex_);
    if (final_stats && final_stats->requests >= seen_.requests) take(*final_stats, true);
    if (!ran && status && *status != 0 && first_error_.empty()) {
      first_error_ = "Locust's master ended with status " + std::to_string(*status) + " before any request (see " +
                     ClusterFiles{folder_ / "locust"}.master_log().string() + ")";
    }
  }
  std::lock_guard lock(mutex_);
  state_ = stop_requested_ ? load::RunState::stopped : load::RunState::finished;
  ended_at_s_ = clock_.now();
  done_ = true;
  wake_.notify_all();
}

LocustEngine::Counts LocustEngine::counts_of(const LocustStats& s) {
  return {s.requests, s.failures, s.http_failures, s.connect_failures, s.timeout_failures};
}

void LocustEngine::take_baseline(const LocustStats& s) {
  seen_ = counts_of(s);
  last_ = s;
  last_.first_error.clear();  // an error before the session is not the session's
  have_stats_ = true;
}

void LocustEngine::take(const LocustStats& s, bool last) {
  const double now = clock_.now();
  Counts counts = counts_of(s);
  if (last) {  // the final CSV has no error texts: the last look's stand
    counts.http = seen_.http;
    counts.connect = seen_.connect;
    counts.timeout = seen_.timeout;
  }
  const Counts delta{since(counts.requests, seen_.requests), since(counts.failures, seen_.failures),
                     since(counts.http, seen_.http), since(counts.connect, seen_.connect),
                     since(counts.timeout, seen_.timeout)};
  seen_ = counts;
  counted_.requests += delta.requests;
  counted_.failures += delta.failures;
  counted_.http += delta.http;
  counted_.connect += delta.connect;
  counted_.timeout += delta.timeout;
  load::SecondRow row;
  row.t_s = last_row_end_s_;
  row.interval_s = std::max(now - last_row_end_s_, 1e-3);
  row.requests = delta.requests;
  row.errors = delta.failures;
  const double nan = std::nan("");
  const bool answered = row.requests > row.errors;
  row.p50_ms = answered ? (std::isnan(s.current_p50_ms) ? s.p50_ms : s.current_p50_ms) : nan;
  row.p90_ms = answered ? s.p90_ms : nan;
  row.p99_ms = answered ? s.p99_ms : nan;
  row.max_ms = answered ? s.max_ms : nan;
  row.mean_ms = answered ? s.mean_ms : nan;
  row.target = last ? 0 : s.user_count;
  row.in_flight = last ? 0 : s.user_count;
  if (!last || row.requests > 0) {
    rows_.push_back(row);
    last_row_end_s_ = now;
  }
  if (rows_.size() > kMaxRowsKept) {
    rows_.pop_front();
    ++first_row_;
  }
  // The final CSV has no user count or error texts: keep the last look's.
  LocustStats merged = s;
  if (last && have_stats_) {
    merged.user_count = 0;
    merged.first_error = last_.first_error;
    merged.current_rps = 0;
  }
  if (first_error_.empty()) first_error_ = merged.first_error;
  last_ = std::move(merged);
  have_stats_ = true;
}

load::LoadSnapshot LocustEngine::snapshot(const load::SnapshotCursor& cursor) const {
  std::lock_guard lock(mutex_);
  load::LoadSnapshot out;
  out.state = state_;
  out.started_at_s = started_at_s_;
  out.elapsed_s = !started_ ? 0 : (done_ ? ended_at_s_ : clock_.now()) - started_at_s_;
  const LocustStats& s = last_;
  const Counts& c = counted_;
  auto& t = out.totals;
  t.started = t.completed = c.requests;
  const std::uint64_t sorted = c.http + c.connect + c.timeout;
  t.non_2xx = std::min(c.http, c.failures);
  t.failures[static_cast<std::size_t>(load::FailureCause::connect)] = c.connect;
  t.failures[static_cast<std::size_t>(load::FailureCause::timeout)] = c.timeout;
  t.failures[static_cast<std::size_t>(load::FailureCause::read)] = c.failures > sorted ? c.failures - sorted : 0;
  out.latency.count = c.requests - std::min(c.requests, c.failures);
  out.latency.p50_ms = s.p50_ms;
  out.latency.p75_ms = std::nan("");
  out.latency.p90_ms = s.p90_ms;
  out.latency.p95_ms = std::nan("");
  out.latency.p99_ms = s.p99_ms;
  out.latency.p99_9_ms = std::nan("");
  out.latency.min_ms = s.min_ms;
  out.latency.max_ms = s.max_ms;
  out.latency.mean_ms = s.mean_ms;
  out.requests_per_second = out.elapsed_s > 0 ? static_cast<double>(c.requests) / out.elapsed_s : 0;
  out.current_requests_per_second = s.current_rps;
  out.stage_count = plan_.stages.size();
  double stage_end = 0;
  for (out.stage = 0; out.stage < plan_.stages.size(); ++out.stage) {
    stage_end += plan_.stages[out.stage].duration.count();
    if (out.elapsed_s < stage_end) break;
  }
  out.target = s.user_count;
  out.in_flight = s.user_count;
  out.first_error = first_error_;

  const std::uint64_t from = std::max(cursor.next_row, first_row_);
  out.rows_dropped = from - cursor.next_row;
  for (std::uint64_t i = from; i < first_row_ + rows_.size(); ++i) out.rows.push_back(rows_[i - first_row_]);
  for (std::size_t i = cursor.next_event; i < events_.size(); ++i) out.events.push_back(events_[i]);
  out.cursor = {first_row_ + rows_.size(), events_.size()};
  return out;
}

}  // namespace lh::locust
