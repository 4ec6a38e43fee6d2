#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/parameters.h"
#include "analysis/verdict.h"
#include "common/event.h"
#include "probe/series_store.h"

namespace lh::session {

// A series a session gives a verdict on, and what the analysis needs
// beside its values.
struct AnalysedSeries {
  probe::SeriesId id = 0;
  bool watched = false;
  std::string unit;                      // as the analysis reads it: "MiB", "GiB", "entries", …
  std::optional<double> limit;           // the memory limit in that unit
  std::optional<probe::SeriesId> cache;  // its source's cache count, for memory series
};

// The series of the probe group that get a verdict: the watched memory
// first, then every other memory level (not peaks, limits or free figures:
// a peak only ever rises) and every cache count, in the store's order.
std::vector<AnalysedSeries> analysed_series(const probe::SeriesStore& store, probe::GroupId probe_group,
                                            std::optional<double> memory_limit_mib);

// The unit word the analysis gets for a series ("" when it has none).
std::string analysis_unit(const probe::SeriesInfo& info);

// Restarts of the series' own source, in time order.
std::vector<double> restarts_of(const probe::SeriesInfo& info, std::span<const Event> events);

// A series' verdict as the report states it.
struct SeriesVerdict {
  probe::SeriesId series = 0;
  std::string name;
  bool watched = false;
  analysis::Verdict verdict;
};

// The verdict on the whole of one analysed series as the store holds it.
SeriesVerdict analyse(const probe::SeriesStore& store, const AnalysedSeries& series, std::span<const Event> events,
                      std::span<const analysis::RequestCount> requests, const analysis::AnalysisParameters& params);

}  // namespace lh::session
