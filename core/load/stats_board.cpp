#include "load/stats_board.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lh::load {
namespace {

constexpr std::int64_t kDone = std::numeric_limits<std::int64_t>::max();
double ms(std::int64_t ns) { return static_cast<double>(ns) / 1e6; }

}  // namespace

StatsBoard::StatsBoard(int workers, double started_at_s, std::size_t rows_kept)
    : started_at_s_(started_at_s),
      rows_kept_(rows_kept),
      watermarks_(static_cast<std::size_t>(workers), 0),
      in_flight_(static_cast<std::size_t>(workers), 0),
      pauses_seen_(static_cast<std::size_t>(workers), -1) {}

void StatsBoard::publish(const WorkerReport& r) {
  std::lock_guard lock(mutex_);
  totals_.add(r.totals);
  latency_.merge(r.latency);
  const auto w = static_cast<std::size_t>(r.worker);
  in_flight_[w] = r.in_flight;
  pauses_seen_[w] = r.pause;
  target_ = r.target;
  if (r.totals.completed > 0 && r.second >= next_second_) {
    auto& slot = pending_[r.second];
    if (!slot) {
      if (spare_.empty()) {
        slot = std::make_unique<PendingSecond>();
      } else {
        slot = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    slot->row.requests += r.totals.completed;
    slot->row.errors += r.errors;
    slot->row.bytes += r.totals.bytes_received;
    slot->latency.merge(r.latency);
  }
  watermarks_[w] = std::max(watermarks_[w], r.watermark);
  emit_rows_before(*std::min_element(watermarks_.begin(), watermarks_.end()), 1.0);
}

void StatsBoard::worker_done(int worker) {
  std::lock_guard lock(mutex_);
  watermarks_[static_cast<std::size_t>(worker)] = kDone;
  in_flight_[static_cast<std::size_t>(worker)] = 0;
  pauses_seen_[static_cast<std::size_t>(worker)] = kDone;
}

bool StatsBoard::all_paused(std::int64_t mark) const {
  std::lock_guard lock(mutex_);
  return std::all_of(pauses_seen_.begin(), pauses_seen_.end(),
                     [mark](std::int64_t seen) { return seen == mark || seen == kDone; });
}

void StatsBoard::finish(double elapsed_s) {
  std::lock_guard lock(mutex_);
  const auto last = static_cast<std::int64_t>(std::floor(elapsed_s));
  emit_rows_before(last, 1.0);
  const double tail = elapsed_s - static_cast<double>(last);
  // The last, partial second gets a row if anything happened in it or it
  // lasted long enough to be worth a point.
  if (pending_.count(last) || tail >= 0.05) emit_rows_before(last + 1, std::max(tail, 1e-3));
  pending_.clear();
}

SecondRow StatsBoard::finished_row(std::int64_t second, PendingSecond* pending, double interval_s) const {
  SecondRow row;
  if (pending) row = pending->row;
  row.t_s = started_at_s_ + static_cast<double>(second);
  row.interval_s = interval_s;
  if (pending && pending->latency.count() > 0) {
    const auto& h = pending->latency;
    row.p50_ms = ms(h.percentile_ns(50));
    row.p90_ms = ms(h.percentile_ns(90));
    row.p99_ms = ms(h.percentile_ns(99));
    row.max_ms = ms(h.max_ns());
    row.mean_ms = h.mean_ns() / 1e6;
  } else {
    row.p50_ms = row.p90_ms = row.p99_ms = row.max_ms = row.mean_ms = std::nan("");
  }
  row.target = target_;
  for (int n : in_flight_) row.in_flight += n;
  return row;
}

void StatsBoard::emit_rows_before(std::int64_t second, double last_interval_s) {
  if (second == kDone) return;
  for (; next_second_ < second; ++next_second_) {
    auto it = pending_.find(next_second_);
    PendingSecond* pending = it == pending_.end() ? nullptr : it->second.get();
    rows_.push_back(finished_row(next_second_, pending, next_second_ + 1 == second ? last_interval_s : 1.0));
    if (pending) {
      pending->row = SecondRow{};
      pending->latency.reset();
      spare_.push_back(std::move(it->second));
      pending_.erase(it);
    }
    if (rows_.size() > rows_kept_) {
      rows_.pop_front();
      ++first_row_;
    }
  }
}

void StatsBoard::add_event(Event event) {
  std::lock_guard lock(mutex_);
  events_.push_back(std::move(event));
}

void StatsBoard::enter_stage(std::size_t stage, Event event) {
  std::lock_guard lock(mutex_);
  if (stage_seen_ != SIZE_MAX && stage <= stage_seen_) return;
  stage_seen_ = stage;
  events_.push_back(std::move(event));
}

void StatsBoard::note_first_error(const std::string& message) {
  std::lock_guard lock(mutex_);
  if (first_error_.empty()) first_error_ = message;
}

void StatsBoard::fill(LoadSnapshot& out, const SnapshotCursor& since) const {
  std::lock_guard lock(mutex_);
  out.totals = totals_;
  auto& l = out.latency;
  l.count = latency_.count();
  l.p50_ms = ms(latency_.percentile_ns(50));
  l.p75_ms = ms(latency_.percentile_ns(75));
  l.p90_ms = ms(latency_.percentile_ns(90));
  l.p95_ms = ms(latency_.percentile_ns(95));
  l.p99_ms = ms(latency_.percentile_ns(99));
  l.p99_9_ms = ms(latency_.percentile_ns(99.9));
  l.min_ms = ms(latency_.min_ns());
  l.max_ms = ms(latency_.max_ns());
  l.mean_ms = latency_.mean_ns() / 1e6;
  out.in_flight = 0;
  for (int n : in_flight_) out.in_flight += n;
  out.first_error = first_error_;
  // The last whole second: a run's last, partial second would scale a few
  // requests in its milliseconds up to thousands a second. Before any whole
  // second, what the partial one completed.
  const auto whole = std::find_if(rows_.rbegin(), rows_.rend(), [](const SecondRow& r) { return r.interval_s >= 1; });
  if (whole != rows_.rend())
    out.current_requests_per_second = static_cast<double>(whole->requests) / whole->interval_s;
  else if (!rows_.empty())
    out.current_requests_per_second = static_cast<double>(rows_.back().requests);

  const std::uint64_t from = std::max(since.next_row, first_row_);
  out.rows_dropped = from - since.next_row;
  out.rows.assign(rows_.begin() + static_cast<std::ptrdiff_t>(std::min<std::uint64_t>(from - first_row_, rows_.size())),
                  rows_.end());
  out.cursor.next_row = first_row_ + rows_.size();
  if (since.next_event < events_.size()) {
    out.events.assign(events_.begin() + static_cast<std::ptrdiff_t>(since.next_event), events_.end());
  }
  out.cursor.next_event = events_.size();
}

}  // namespace lh::load
