#include "analysis/csv_clock.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/csv.h"
#include "common/input_error.h"
#include "common/iso_time.h"
#include "common/quote_value.h"
#include "common/shown_name.h"

namespace lh::analysis {
namespace {

constexpr const char* kTimeNames[] = {"t_s", "time", "timestamp"};
constexpr double kUnixFrom = 1e9;           // 2001-09-09: a number from here on is Unix time
constexpr double kMillisecondsFrom = 1e11;  // the year 5138 as seconds; 1973 as milliseconds

std::string where(std::string_view file, std::size_t line, std::string_view column) {
  return std::string(file) + " line " + std::to_string(line) + ": column " + shown_name(std::string(column));
}

}  // namespace

CsvClock::CsvClock(const std::vector<std::string>& header, const std::optional<std::string>& named,
                   std::string_view file)
    : file_(file) {
  const auto at = [&](std::string_view name) { return std::find(header.begin(), header.end(), name); };
  if (named) {
    const auto it = at(*named);
    if (it == header.end()) {
      throw InputError("--time-column " + shown_name(*named) + ": no such column in " + file_ +
                       " (columns: " + shown_names(header) + ")");
    }
    index_ = static_cast<std::size_t>(it - header.begin());
    name_ = *named;
    return;
  }
  for (const char* name : kTimeNames) {
    const auto it = at(name);
    if (it == header.end()) continue;
    index_ = static_cast<std::size_t>(it - header.begin());
    name_ = name;
    return;
  }
  throw InputError(file_ +
                   ": no time column in the header: expected t_s (seconds), time or timestamp (an ISO-8601 time or "
                   "seconds since 1970), or one named with --time-column (columns: " +
                   shown_names(header) + ")");
}

double CsvClock::read(const std::string& field, std::size_t line) {
  const std::string_view s = csv_trimmed(field);
  if (s.empty()) throw InputError(where(file_, line, name_) + ": the time is empty");
  const auto number = csv_number(s);
  if (number && std::fabs(*number) >= kMillisecondsFrom) {
    throw InputError(where(file_, line, name_) + ": expected seconds, got " + quote_value(field) +
                     " (milliseconds since 1970? divide by 1000)");
  }
  if (!from_first_row()) {
    if (!number)
      throw InputError(where(file_, line, name_) + ": expected a number of seconds, got " + quote_value(field));
    return *number;
  }
  // One form throughout: seconds since some start and wall-clock times do
  // not mix on one clock.
  const bool iso = !number;
  if (first_is_iso_ && *first_is_iso_ != iso) {
    throw InputError(where(file_, line, name_) + ": expected " +
                     (*first_is_iso_ ? "an ISO-8601 time" : "a number of seconds") + " as in the first row, got " +
                     quote_value(field));
  }
  double t = 0;
  if (iso) {
    try {
      t = csv_epoch_seconds(s, file_, line, name_);
    } catch (const InputError&) {
      throw InputError(where(file_, line, name_) +
                       ": expected an ISO-8601 time such as \"2026-05-31T14:02:03Z\" or a number of seconds, got " +
                       quote_value(field));
    }
  } else {
    t = *number;
  }
  if (!first_) {
    first_ = t;
    first_is_iso_ = iso;
    if (iso || t >= kUnixFrom) epoch_at_zero_ = t;
  }
  return t - *first_;
}

double csv_epoch_seconds(std::string_view text, std::string_view file, std::size_t line, std::string_view column) {
  try {
    return std::chrono::duration<double>(parse_iso8601(text).time_since_epoch()).count();
  } catch (const InputError& e) {
    throw InputError(where(file, line, column) + ": " + e.what());
  }
}

}  // namespace lh::analysis
