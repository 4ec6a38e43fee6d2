#include "session/load_series.h"

#include <cmath>
#include <string>
#include <vector>

namespace lh::session {

LoadSeries::LoadSeries(probe::SeriesStore& store) : store_(store), group_(store.add_group(std::string(kLoadGroup))) {
  for (std::string_view metric : load_metric::all) {
    const std::string name = std::string(kLoadGroup) + "/" + std::string(metric);
    store_.add_series(group_, {name, std::string(kLoadGroup), std::string(metric), meaning_of(name)});
  }
}

void LoadSeries::append(const load::SecondRow& row) {
  requests_total_ += row.requests;
  errors_total_ += row.errors;
  const double seconds = row.interval_s > 0 ? row.interval_s : 1.0;
  const double nan = std::nan("");
  const bool answered = row.requests > 0;
  // In the order of load_metric::all, which is the group's column order.
  const std::vector<double> values{static_cast<double>(row.requests) / seconds,
                                   static_cast<double>(row.errors) / seconds,
                                   answered ? row.p50_ms : nan,
                                   answered ? row.p99_ms : nan,
                                   static_cast<double>(row.in_flight),
                                   row.target,
                                   static_cast<double>(requests_total_),
                                   static_cast<double>(errors_total_)};
  store_.append_row(group_, row.t_s + seconds, values);
}

std::optional<probe::GroupId> find_group(const probe::SeriesStore& store, std::string_view name) {
  for (probe::GroupId g = 0; g < store.group_count(); ++g) {
    if (store.group(g).name == name) return g;
  }
  return std::nullopt;
}

std::optional<probe::SeriesId> find_load_series(const probe::SeriesStore& store, std::string_view metric) {
  const auto group = find_group(store, kLoadGroup);
  if (!group) return std::nullopt;
  for (probe::SeriesId id : store.series_in(*group)) {
    if (store.series(id).metric == metric) return id;
  }
  return std::nullopt;
}

}  // namespace lh::session
