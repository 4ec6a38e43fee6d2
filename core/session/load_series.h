#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "load/load_stats.h"
#include "probe/series_store.h"

namespace lh::session {

// The load's per-second rows as series of the store's "load" group, next
// to the sampler's "probe" group, so charts, the journal and the analysis
// read both the same way. Each row is stamped at the END of its second:
// every value at time t is known at t, and the totals count to t.
//
// Series (source "load", named "load/<metric>", units as lh::meaning_of
// reads them): requests_per_s, errors_per_s, p50_ms, p99_ms (NaN when no
// request completed in that second), in_flight, target (the concurrency
// or rate aimed at), requests_total and errors_total (cumulative).
namespace load_metric {
inline constexpr std::string_view requests_per_s = "requests_per_s";
inline constexpr std::string_view errors_per_s = "errors_per_s";
inline constexpr std::string_view p50_ms = "p50_ms";
inline constexpr std::string_view p99_ms = "p99_ms";
inline constexpr std::string_view in_flight = "in_flight";
inline constexpr std::string_view target = "target";
inline constexpr std::string_view requests_total = "requests_total";
inline constexpr std::string_view errors_total = "errors_total";
inline constexpr std::array<std::string_view, 8> all{requests_per_s, errors_per_s, p50_ms,         p99_ms,
                                                     in_flight,      target,       requests_total, errors_total};
}  // namespace load_metric

inline constexpr std::string_view kLoadGroup = "load";
inline constexpr std::string_view kProbeGroup = "probe";

// The writer of the load group: the session's collector thread.
class LoadSeries {
 public:
  // Adds the group and its series to the store.
  explicit LoadSeries(probe::SeriesStore& store);

  void append(const load::SecondRow& row);
  probe::GroupId group() const { return group_; }

 private:
  probe::SeriesStore& store_;
  probe::GroupId group_;
  std::uint64_t requests_total_ = 0;
  std::uint64_t errors_total_ = 0;
};

// Readers: a group by its name, and a series of the load group by metric.
std::optional<probe::GroupId> find_group(const probe::SeriesStore& store, std::string_view name);
std::optional<probe::SeriesId> find_load_series(const probe::SeriesStore& store, std::string_view metric);

}  // namespace lh::session
