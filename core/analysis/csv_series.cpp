#include "analysis/csv_series.h"

#include <algorithm>
#include <cmath>

#include "analysis/csv_clock.h"
#include "analysis/restart_detection.h"
#include "common/csv.h"
#include "common/input_error.h"
#include "common/quote_value.h"
#include "common/series_meaning.h"
#include "common/shown_name.h"

namespace lh::analysis {
namespace {

std::string leaf(const std::string& name) {
  const auto dot = name.find_last_of(".:/");
  std::string l = dot == std::string::npos ? name : name.substr(dot + 1);
  std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return l;
}

bool is_identity_column(const std::string& name) {
  const std::string l = leaf(name);
  return l == "pid" || l.ends_with("_pid") || l.find("start_time") != std::string::npos;
}
bool is_uptime_column(const std::string& name) { return leaf(name).find("uptime") != std::string::npos; }
bool is_requests_column(const std::string& name) {
  const std::string l = leaf(name);
  return l == "requests" || l.ends_with("requests_total");
}

std::optional<std::size_t> find(const std::vector<std::string>& header, std::string_view name) {
  const auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? std::nullopt : std::optional(static_cast<std::size_t>(it - header.begin()));
}

// NaN for an empty field; throws for anything else that is not a number.
double number(const std::string& field, std::string_view file, std::size_t line, const std::string& column) {
  if (csv_trimmed(field).empty()) return std::nan("");
  if (const auto v = csv_number(field)) return *v;
  throw InputError(std::string(file) + " line " + std::to_string(line) + ": column " + shown_name(column) +
                   ": expected a number, got " + quote_value(field));
}

// Restarts both kinds of column report, merged when within 2 s of another.
std::vector<double> merge_restarts(std::vector<double> all) {
  std::sort(all.begin(), all.end());
  std::vector<double> merged;
  for (double t : all) {
    if (merged.empty() || t - merged.back() > 2.0) merged.push_back(t);
  }
  return merged;
}

}  // namespace

CsvSeries read_series_csv(std::istream& in, std::string_view file, const std::optional<std::string>& column,
                          const std::optional<std::string>& time_column) {
  CsvReader csv(in);
  CsvSeries s;
  if (!csv.next(s.columns)) throw InputError(std::string(file) + ": empty file, expected a header");
  // "t_s, rss_mb", as people type headers: the name is what is between the spaces.
  for (auto& name : s.columns) name = std::string(csv_trimmed(name));
  if (s.columns.size() == 1) {
    for (const auto& [mark, what] : {std::pair{';', "semicolons"}, std::pair{'\t', "tabs"}}) {
      if (s.columns[0].find(mark) == std::string::npos) continue;
      throw InputError(std::string(file) + ": the header " + shown_name(s.columns[0]) +
                       " is one column: expected columns separated by commas, not " + what);
    }
  }
  CsvClock clock(s.columns, time_column, file);
  // With t_s, monitor's ISO `time` beside it places events that carry an
  // ISO time alone; neither is a value column.
  std::optional<std::size_t> time_col;
  if (!clock.from_first_row()) time_col = find(s.columns, "time");
  const auto is_time = [&](std::size_t i) { return i == clock.index() || (time_col && i == *time_col); };
  s.time_from_first_row = clock.from_first_row();
  s.time_column = clock.name();
  std::vector<std::string> value_names;
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (!is_time(i)) value_names.push_back(s.columns[i]);
  }
  std::size_t value_col = 0;
  if (column) {
    const auto at = find(s.columns, *column);
    if (!at || is_time(*at)) {
      throw InputError("--column " + shown_name(*column) + ": no such value column in " + std::string(file) +
                       " (columns: " + shown_names(value_names) + ")");
    }
    value_col = *at;
  } else {
    const auto pick = pick_watched_memory(value_names);
    if (!pick) {
      throw InputError(std::string(file) + ": no memory column found; choose one with --column (columns: " +
                       shown_names(value_names) + ")");
    }
    value_col = *find(s.columns, value_names[*pick]);
  }
  s.column = s.columns[value_col];
  const SeriesMeaning meaning = meaning_of(s.column);
  s.unit = std::string(unit_symbol(meaning.unit));

  std::vector<std::size_t> identity_cols, uptime_cols;
  std::optional<std::size_t> requests_col, cache_col;
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (i == value_col || is_time(i)) continue;
    if (is_identity_column(s.columns[i]))
      identity_cols.push_back(i);
    else if (is_uptime_column(s.columns[i]))
      uptime_cols.push_back(i);
    else if (is_requests_column(s.columns[i]) && !requests_col)
      requests_col = i;
    else if (meaning_of(s.columns[i]).kind == SeriesKind::cache_count && !cache_col)
      cache_col = i;
  }
  std::vector<std::vector<double>> identity(identity_cols.size()), uptime(uptime_cols.size());

  std::vector<std::string> row;
  std::size_t values = 0;
  while (csv.next(row)) {
    if (row.size() == 1 && row[0].empty()) continue;  // a blank line
    if (row.size() != s.columns.size()) {
      throw InputError(std::string(file) + " line " + std::to_string(csv.line()) + ": " + std::to_string(row.size()) +
                       " fields, the header has " + std::to_string(s.columns.size()));
    }
    const double t = clock.read(row[clock.index()], csv.line());
    if (s.t_s.empty() && time_col) {
      try {
        s.epoch_at_zero = csv_epoch_seconds(row[*time_col], file, csv.line(), "time") - t;
      } catch (const InputError&) {
      }
    }
    if (!s.t_s.empty() && t < s.t_s.back()) {
      throw InputError(std::string(file) + " line " + std::to_string(csv.line()) + ": time goes backwards");
    }
    s.t_s.push_back(t);
    s.values.push_back(number(row[value_col], file, csv.line(), s.column));
    if (auto rule = reading_rule(meaning, s.values.back())) {
      throw InputError(std::string(file) + " line " + std::to_string(csv.line()) + ": column " + shown_name(s.column) +
                       ": " + *rule + ", got " + quote_value(row[value_col]));
    }
    if (!std::isnan(s.values.back())) ++values;
    for (std::size_t k = 0; k < identity_cols.size(); ++k)
      identity[k].push_back(number(row[identity_cols[k]], file, csv.line(), s.columns[identity_cols[k]]));
    for (std::size_t k = 0; k < uptime_cols.size(); ++k)
      uptime[k].push_back(number(row[uptime_cols[k]], file, csv.line(), s.columns[uptime_cols[k]]));
    if (requests_col) {
      const double r = number(row[*requests_col], file, csv.line(), s.columns[*requests_col]);
      if (!std::isnan(r) && (s.requests.empty() || r >= s.requests.back().count)) s.requests.push_back({t, r});
    }
    if (cache_col) {
      const double c = number(row[*cache_col], file, csv.line(), s.columns[*cache_col]);
      if (!std::isnan(c)) s.cache.push_back({t, c});
    }
  }
  if (values < 3) {
    throw InputError(std::string(file) + ": column " + shown_name(s.column) + " has " + std::to_string(values) +
                     (values == 1 ? " value" : " values") + "; at least 3 are needed");
  }

  std::vector<double> restarts;
  for (std::size_t k = 0; k < identity_cols.size(); ++k) {
    auto found = restarts_from_identity(s.t_s, identity[k]);
    if (!found.empty()) s.restart_columns.push_back(s.columns[identity_cols[k]]);
    restarts.insert(restarts.end(), found.begin(), found.end());
  }
  for (std::size_t k = 0; k < uptime_cols.size(); ++k) {
    auto found = restarts_from_uptime(s.t_s, uptime[k]);
    if (!found.empty()) s.restart_columns.push_back(s.columns[uptime_cols[k]]);
    restarts.insert(restarts.end(), found.begin(), found.end());
  }
  s.restarts_s = merge_restarts(std::move(restarts));
  if (clock.from_first_row()) s.epoch_at_zero = clock.epoch_at_zero();
  return s;
}

std::vector<double> read_restart_events(std::istream& in, std::string_view file, const CsvSeries& series) {
  CsvReader csv(in);
  std::vector<std::string> header, row;
  if (!csv.next(header)) throw InputError(std::string(file) + ": empty file, expected a header");
  const auto kind = find(header, "kind");
  const auto t_col = find(header, "t_s");
  const auto time_col = find(header, "time");
  if (!kind || (!t_col && !time_col)) {
    throw InputError(std::string(file) + ": expected an events CSV with columns t_s,time,source,kind,detail (got: " +
                     shown_names(header) + ")");
  }
  std::vector<double> restarts;
  while (csv.next(row)) {
    if (row.size() != header.size() || row[*kind] != "restart") continue;
    const double t = t_col && !series.time_from_first_row ? number(row[*t_col], file, csv.line(), "t_s") : std::nan("");
    if (!std::isnan(t)) {
      restarts.push_back(t);
    } else if (time_col && series.epoch_at_zero) {
      restarts.push_back(csv_epoch_seconds(row[*time_col], file, csv.line(), "time") - *series.epoch_at_zero);
    } else {
      throw InputError(std::string(file) + " line " + std::to_string(csv.line()) +
                       ": a restart with no time on the series' clock (t_s, or an ISO time the series also has)");
    }
  }
  std::sort(restarts.begin(), restarts.end());
  return restarts;
}

SeriesInput analysis_input(const CsvSeries& series, std::optional<double> limit) {
  return SeriesInput{.t_s = series.t_s,
                     .values = series.values,
                     .unit = series.unit,
                     .restarts_s = series.restarts_s,
                     .restarts_known = !series.restart_columns.empty(),
                     .requests = series.requests,
                     .limit = limit,
                     .cache = series.cache};
}

}  // namespace lh::analysis
