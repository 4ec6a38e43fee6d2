#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace lh::analysis {

// One value column of a CSV such as `monitor` writes (t_s, time, one column
// per series, empty fields for gaps), with what the other columns say about
// it: restarts (a pid or start time that changes, an uptime that drops),
// the load's cumulative request count, and a cache's count of entries.
struct CsvSeries {
  std::vector<std::string> columns;  // the header
  std::string column;                // the one read into `values`
  std::string unit;                  // from its name ("MiB"), or ""
  std::vector<double> t_s;
  std::vector<double> values;      // NaN where the field was empty
  std::vector<double> restarts_s;  // from pid / start-time / uptime columns
  std::vector<std::string> restart_columns;
  std::vector<RequestCount> requests;  // from a column named requests or *requests_total
  std::vector<CacheCount> cache;       // from the first cache-count column (lh::SeriesKind::cache_count)
  std::string time_column;               // the clock's column (lh::analysis::CsvClock)
  bool time_from_first_row = false;      // t_s counts from the first row's time (no t_s column)
  std::optional<double> epoch_at_zero;   // seconds since 1970 at t_s = 0, when the file says
};

// Reads the CSV. `column` picks the value column by name; without it the
// memory column is picked as the sampler picks it (lh::pick_watched_memory).
// `time_column` names the clock's column; without it t_s, time or timestamp
// (CsvClock says how each is read). Throws InputError naming what is
// wrong: no time column, an unknown or missing value column (listing the
// columns), a field that is not a number or time at line N, time going
// backwards, fewer than 3 values. `file` only names the file in those
// messages.
CsvSeries read_series_csv(std::istream& in, std::string_view file, const std::optional<std::string>& column,
                          const std::optional<std::string>& time_column = std::nullopt);

// What the analyzer reads of a CSV series (spans into `series`, which must
// outlive the result). Restarts count as known when the CSV has a pid,
// start-time or uptime column: then none is read off the memory itself.
SeriesInput analysis_input(const CsvSeries& series, std::optional<double> limit = std::nullopt);

// Restart times from an events CSV in the layout `monitor` writes
// (t_s,time,source,kind,detail): the rows whose kind is "restart", on the
// series' clock: by t_s when both files count in t_s, else by ISO time.
std::vector<double> read_restart_events(std::istream& in, std::string_view file, const CsvSeries& series);

}  // namespace lh::analysis
