#include "session/live_verdicts.h"

#include <algorithm>
#include <cmath>

#include "session/load_series.h"

namespace lh::session {
namespace {

std::optional<std::size_t> column_of(const probe::GroupRows& rows, probe::SeriesId id) {
  const auto it = std::find(rows.series.begin(), rows.series.end(), id);
  if (it == rows.series.end()) return std::nullopt;
  return static_cast<std::size_t>(it - rows.series.begin());
}

}  // namespace

LiveVerdicts::LiveVerdicts(const probe::SeriesStore& store, probe::GroupId probe_group,
                           std::optional<double> memory_limit_mib, analysis::AnalysisParameters params,
                           std::string request_counter)
    : store_(store),
      probe_group_(probe_group),
      limit_mib_(memory_limit_mib),
      params_(params),
      request_counter_(std::move(request_counter)) {}

void LiveVerdicts::add(const probe::StoreReader::Delta& delta) {
  if (store_.series_count() != series_count_ || store_.watched_memory() != watched_) refresh_series();
  // Restarts first: each is then at or after the analyzers' last sample,
  // which they take in O(1).
  for (const Event& e : delta.events) {
    if (e.kind != EventKind::restart) continue;
    restarts_.push_back(e.t_s);
    restart_sources_.push_back(e.source);
    for (Tracked& t : tracked_) {
      if (store_.series(t.series.id).source == e.source) t.analyzer->add_restart(e.t_s);
    }
  }
  for (const probe::GroupRows& rows : delta.rows) {
    if (rows.group == probe_group_) {
      add_probe_rows(rows);
      if (counter_series_) add_counter_rows(rows);
    } else if (store_.group(rows.group).name == kLoadGroup && request_counter_.empty()) {
      add_load_rows(rows);
    }
  }
}

void LiveVerdicts::refresh_series() {
  series_count_ = store_.series_count();
  watched_ = store_.watched_memory();
  if (!request_counter_.empty() && !counter_series_) {
    counter_series_ = find_request_counter(store_, probe_group_, request_counter_);
    if (counter_series_) counter_increase_.emplace(counter_series_->form);
  }
  std::vector<Tracked> next;
  for (const AnalysedSeries& a : analysed_series(store_, probe_group_, limit_mib_)) {
    auto same = std::find_if(tracked_.begin(), tracked_.end(), [&](const Tracked& t) { return t.series.id == a.id; });
    if (same != tracked_.end() && same->series.cache == a.cache) {
      same->series.watched = a.watched;
      next.push_back(std::move(*same));
      continue;
    }
    Tracked fresh{a, std::make_unique<analysis::LiveAnalyzer>(a.unit, params_)};
    fresh.analyzer->set_limit(a.limit);
    fill_from_store(fresh);
    next.push_back(std::move(fresh));
  }
  tracked_ = std::move(next);
}

void LiveVerdicts::fill_from_store(Tracked& tracked) const {
  const probe::SeriesInfo& info = store_.series(tracked.series.id);
  const probe::SeriesPoints points = store_.read_series(tracked.series.id, 0, probe_rows_seen_);
  for (std::size_t k = 0; k < points.t.size(); ++k) tracked.analyzer->append(points.t[k], points.v[k]);
  for (std::size_t i = 0; i < restarts_.size(); ++i) {
    if (restart_sources_[i] == info.source) tracked.analyzer->add_restart(restarts_[i]);
  }
  // Only the counts earlier deltas brought: the current one's follow.
  for (const analysis::RequestCount& r : requests_) tracked.analyzer->add_request_count(r.t_s, r.count);
  if (tracked.series.cache) {
    const probe::SeriesPoints cache = store_.read_series(*tracked.series.cache, 0, probe_rows_seen_);
    for (std::size_t k = 0; k < cache.t.size(); ++k) {
      if (std::isfinite(cache.v[k])) tracked.analyzer->add_cache_count(cache.t[k], cache.v[k]);
    }
  }
}

void LiveVerdicts::add_probe_rows(const probe::GroupRows& rows) {
  for (Tracked& t : tracked_) {
    const auto column = column_of(rows, t.series.id);
    if (!column) continue;
    const std::vector<double>& values = rows.values[*column];
    for (std::size_t k = 0; k < rows.t.size(); ++k) t.analyzer->append(rows.t[k], values[k]);
    if (!t.series.cache) continue;
    if (const auto cache_column = column_of(rows, *t.series.cache)) {
      const std::vector<double>& entries = rows.values[*cache_column];
      for (std::size_t k = 0; k < rows.t.size(); ++k) {
        if (std::isfinite(entries[k])) t.analyzer->add_cache_count(rows.t[k], entries[k]);
      }
    }
  }
  probe_rows_seen_ = std::max(probe_rows_seen_, rows.end_row());
}

void LiveVerdicts::add_request_count(double t_s, double count) {
  for (Tracked& t : tracked_) t.analyzer->add_request_count(t_s, count);
  requests_.push_back({t_s, count});
}

void LiveVerdicts::add_counter_rows(const probe::GroupRows& rows) {
  const auto column = column_of(rows, counter_series_->id);
  for (std::size_t k = 0; k < rows.t.size(); ++k) {
    // A row before the counter's column existed is a gap.
    const double value = column ? rows.values[*column][k] : std::nan("");
    if (const auto count = counter_increase_->add(rows.t[k], value)) add_request_count(rows.t[k], *count);
  }
}

void LiveVerdicts::add_load_rows(const probe::GroupRows& rows) {
  // Requests served, as requests_served() counts them.
  const auto requests_id = find_load_series(store_, load_metric::requests_total);
  const auto errors_id = find_load_series(store_, load_metric::errors_total);
  const auto requests = requests_id ? column_of(rows, *requests_id) : std::nullopt;
  const auto errors = errors_id ? column_of(rows, *errors_id) : std::nullopt;
  if (!requests || !errors) return;
  for (std::size_t k = 0; k < rows.t.size(); ++k) {
    const double served = rows.values[*requests][k] - rows.values[*errors][k];
    if (std::isfinite(served)) add_request_count(rows.t[k], served);
  }
}

std::vector<SeriesVerdict> LiveVerdicts::verdicts() const {
  std::vector<SeriesVerdict> out;
  out.reserve(tracked_.size());
  for (const Tracked& t : tracked_) {
    out.push_back({t.series.id, store_.series(t.series.id).name, t.series.watched, t.analyzer->verdict()});
  }
  return out;
}

}  // namespace lh::session
