#include "analysis/amounts.h"

#include <cmath>
#include <cstdio>

#include "common/size.h"

namespace lh::analysis {

std::optional<double> mib_per_unit(std::string_view unit) {
  std::string u;
  for (char c : unit) u += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  if (u == "b" || u == "bytes" || u == "byte") return 1.0 / (1024.0 * 1024.0);
  if (u == "kib" || u == "kb" || u == "k") return 1.0 / 1024.0;
  if (u == "mib" || u == "mb" || u == "m") return 1.0;
  if (u == "gib" || u == "gb" || u == "g") return 1024.0;
  return std::nullopt;
}

std::string format_amount(double value, std::string_view unit) {
  // An interval too wide to bound (a handful of points) has infinite ends.
  if (std::isinf(value)) return value > 0 ? "unbounded" : "-unbounded";
  if (const auto mib = mib_per_unit(unit)) {
    const double bytes = value * *mib * 1024.0 * 1024.0;
    std::string out = bytes < 0 ? "-" : "";
    out += format_bytes(std::fabs(bytes));
    return out;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g", value);
  std::string out = buf;
  if (!unit.empty() && unit != "%") out += ' ';
  out += unit;
  return out;
}

}  // namespace lh::analysis
