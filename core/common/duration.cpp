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
    rest.remove_prefix(unit_len);
    first = false;
  }
  return Seconds(total);
}

std::string format_duration(Seconds d) {
  const double s = d.count();
  char buf[48];
  if (s < 1.0) {
    std::snprintf(buf, sizeof buf, "%.0fms", s * 1000.0);
  } else if (s < 60.0) {
    std::snprintf(buf, sizeof buf, s < 10.0 ? "%.1fs" : "%.0fs", s);
  } else if (s < 3600.0) {
    const auto whole = static_cast<long long>(s);
    std::snprintf(buf, sizeof buf, "%lldm %02llds", whole / 60, whole % 60);
  } else {
    const auto minutes = static_cast<long long>(s / 60.0);
    std::snprintf(buf, sizeof buf, "%lldh %02lldm", minutes / 60, minutes % 60);
  }
  return buf;
}

std::string format_clock(Seconds since_start) {
  const auto whole = static_cast<long long>(std::max(0.0, since_start.count()));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", whole / 3600, whole / 60 % 60, whole % 60);
  return buf;
}

}  // namespace lh
