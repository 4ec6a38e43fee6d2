#include "common/duration.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "common/input_error.h"
#include "common/quote_value.h"

namespace lh {
namespace {

std::optional<double> unit_seconds(std::string_view unit) {
  if (unit == "us" || unit == "µs") return 1e-6;
  if (unit == "ms") return 1e-3;
  if (unit == "s" || unit == "sec") return 1.0;
  if (unit == "m" || unit == "min") return 60.0;
  if (unit == "h") return 3600.0;
  if (unit == "d") return 86400.0;
  return std::nullopt;
}

[[noreturn]] void reject(std::string_view text) {
  throw InputError("expected a duration such as \"30s\" or \"10m\", got " + quote_value(text));
}

// Durations up to this many seconds (about 32 million years) are shown to
// the minute or second; whole numbers of them fit a long long. Past it (a
// hostile "1e70m", or infinity) a cast to an integer would be undefined, so
// they are shown roughly, in hours: "1.67e+69h".
constexpr double kExactSeconds = 1e15;

std::string hours_roughly(double s) {
  if (std::isinf(s)) return "infinite";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3gh", s / 3600.0);
  return buf;
}

bool is_unit_char(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

}  // namespace

Seconds parse_duration(std::string_view text) {
  std::string_view rest = text;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty()) reject(text);

  double total = 0;
  bool first = true;
  while (!rest.empty()) {
    double value = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (ec != std::errc{} || !std::isfinite(value) || value < 0) reject(text);
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    std::size_t unit_len = 0;
    while (unit_len < rest.size() && is_unit_char(rest[unit_len])) ++unit_len;
    if (unit_len == 0) {
      // A bare number means seconds, but only on its own: "1h30" is a typo.
      if (!first || !rest.empty()) reject(text);
      return Seconds(value);
    }
    auto factor = unit_seconds(rest.substr(0, unit_len));
    if (!factor) reject(text);
    total += value * *factor;
    if (!std::isfinite(total)) reject(text);  // "1e308d": no clock or timer can hold it
    rest.remove_prefix(unit_len);
    first = false;
  }
  return Seconds(total);
}

std::string format_duration(Seconds d) {
  const double s = d.count();
  if (std::isnan(s)) return "NaN";
  if (s < 0) return "-" + format_duration(-d);
  char buf[48];
  if (s < 1.0) {
    std::snprintf(buf, sizeof buf, "%.0fms", s * 1000.0);
  } else if (s < 60.0) {
    std::snprintf(buf, sizeof buf, s < 10.0 ? "%.1fs" : "%.0fs", s);
  } else if (s < 3600.0) {
    const auto whole = static_cast<long long>(s);
    std::snprintf(buf, sizeof buf, "%lldm %02llds", whole / 60, whole % 60);
  } else if (s < kExactSeconds) {
    const auto minutes = static_cast<long long>(s / 60.0);
    std::snprintf(buf, sizeof buf, "%lldh %02lldm", minutes / 60, minutes % 60);
  } else {
    return hours_roughly(s);
  }
  return buf;
}

std::string format_clock(Seconds since_start) {
  const double s = std::isnan(since_start.count()) ? 0.0 : std::max(0.0, since_start.count());
  if (s >= kExactSeconds) return hours_roughly(s);
  const auto whole = static_cast<long long>(s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", whole / 3600, whole / 60 % 60, whole % 60);
  return buf;
}

}  // namespace lh
