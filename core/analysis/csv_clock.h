#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lh::analysis {

// The time column of a recorded series, and how its fields become seconds
// on the series' clock. Recordings come from `monitor` (t_s and an ISO
// `time`) and from people's own scripts (a `timestamp` of `date +%s`, an ISO
// time, seconds since the start under a name of their own), so:
//   * the column: the one named (analyze --time-column), else `t_s`, else
//     `time`, else `timestamp`;
//   * `t_s`: a number of seconds, kept as it is;
//   * any other: an ISO-8601 time or a number of seconds, counted from the
//     first row. A number from 10^9 on is seconds since 1970 (2001 onward,
//     as `date +%s` prints), so the wall clock is known; from 10^11 on it
//     is refused as milliseconds.
class CsvClock {
 public:
  // Throws InputError naming the columns when there is no time column (or
  // the named one is missing).
  CsvClock(const std::vector<std::string>& header, const std::optional<std::string>& named, std::string_view file);

  std::size_t index() const { return index_; }
  const std::string& name() const { return name_; }
  // The series counts from its first row's time, not from its own t_s.
  bool from_first_row() const { return name_ != "t_s"; }

  // Seconds on the series' clock; throws InputError for an empty field,
  // a field that is neither a number nor an ISO time, or milliseconds.
  double read(const std::string& field, std::size_t line);
  // Seconds since 1970 at the series' t = 0, once a row has said it.
  std::optional<double> epoch_at_zero() const { return epoch_at_zero_; }

 private:
  std::string file_;
  std::size_t index_ = 0;
  std::string name_;
  std::optional<double> first_;  // the first row's time, for a clock from the first row
  std::optional<bool> first_is_iso_;
  std::optional<double> epoch_at_zero_;
};

// Seconds since 1970 of an ISO-8601 time in a CSV field; throws InputError
// naming the file, line and column.
double csv_epoch_seconds(std::string_view text, std::string_view file, std::size_t line, std::string_view column);

}  // namespace lh::analysis
