#include "session/requests_served.h"

#include <cmath>

#include "probe/prometheus_metrics.h"
#include "session/load_series.h"

namespace lh::session {
namespace {

std::vector<analysis::RequestCount> served_by_load(const probe::SeriesStore& store) {
  std::vector<analysis::RequestCount> out;
  const auto requests_id = find_load_series(store, load_metric::requests_total);
  const auto errors_id = find_load_series(store, load_metric::errors_total);
  if (!requests_id || !errors_id) return out;
  const probe::SeriesPoints requests = store.read_series(*requests_id, 0);
  const probe::SeriesPoints errors = store.read_series(*errors_id, 0);
  const std::size_t rows = std::min(requests.t.size(), errors.t.size());
  out.reserve(rows);
  for (std::size_t k = 0; k < rows; ++k) {
    const double served = requests.v[k] - errors.v[k];
    if (std::isfinite(served)) out.push_back({requests.t[k], served});
  }
  return out;
}

std::optional<probe::SeriesId> find_named(const probe::SeriesStore& store, probe::GroupId group, const std::string& name) {
  const std::vector<probe::SeriesId> ids = store.series_in(group);
  for (probe::SeriesId id : ids) {
    if (store.series(id).name == name) return id;
  }
  for (probe::SeriesId id : ids) {
    if (store.series(id).metric == name) return id;
  }
  return std::nullopt;
}

}  // namespace

std::optional<double> CounterIncrease::add(double t_s, double value) {
  const std::optional<double> before = previous_t_;
  previous_t_ = t_s;
  if (!std::isfinite(value)) return std::nullopt;
  if (form_ == Form::total) {
    if (last_value_) count_ += value >= *last_value_ ? value - *last_value_ : value;
    last_value_ = value;
  } else {
    const std::optional<double> from = last_t_ ? last_t_ : before;
    if (from && t_s > *from && value > 0) count_ += value * (t_s - *from);
    last_t_ = t_s;
  }
  return count_;
}

std::optional<RequestCounterSeries> find_request_counter(const probe::SeriesStore& store, probe::GroupId probe_group,
                                                         const std::string& counter) {
  if (counter.empty() || probe_group >= store.group_count()) return std::nullopt;
  auto id = find_named(store, probe_group, counter);
  if (!id) {
    // "conversion/http_requests_total": the source's label stays in front.
    const std::size_t slash = counter.find('/');
    const std::size_t brace = counter.find('{');
    const std::size_t cut = slash < brace ? slash + 1 : 0;
    const std::string renamed = counter.substr(0, cut) + probe::counter_series_name(counter.substr(cut));
    if (renamed != counter) id = find_named(store, probe_group, renamed);
  }
  if (!id) return std::nullopt;
  const bool rate = store.series(*id).meaning.unit == Unit::per_second;
  return RequestCounterSeries{*id, rate ? CounterIncrease::Form::rate : CounterIncrease::Form::total};
}

std::vector<analysis::RequestCount> requests_served(const probe::SeriesStore& store, probe::GroupId probe_group,
                                                    const std::string& counter) {
  if (counter.empty()) return served_by_load(store);
  std::vector<analysis::RequestCount> out;
  const auto found = find_request_counter(store, probe_group, counter);
  if (!found) return out;
  CounterIncrease increase(found->form);
  const probe::SeriesPoints points = store.read_series(found->id, 0);
  out.reserve(points.t.size());
  for (std::size_t k = 0; k < points.t.size(); ++k) {
    if (const auto count = increase.add(points.t[k], points.v[k])) out.push_back({points.t[k], *count});
  }
  return out;
}

}  // namespace lh::session
