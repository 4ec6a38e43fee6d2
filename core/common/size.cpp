#include "common/size.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

#include "common/input_error.h"
#include "common/quote_value.h"

namespace lh {
namespace {

constexpr double kKi = 1024.0;

constexpr std::array<std::pair<std::string_view, double>, 17> kUnits{{
    {"", 1.0},          {"b", 1.0},
    {"kb", 1e3},        {"mb", 1e6},           {"gb", 1e9},                {"tb", 1e12},
    {"kib", kKi},       {"mib", kKi * kKi},    {"gib", kKi * kKi * kKi},   {"tib", kKi * kKi * kKi * kKi},
    {"k", kKi},         {"m", kKi * kKi},      {"g", kKi * kKi * kKi},     {"t", kKi * kKi * kKi * kKi},
    {"ki", kKi},        {"mi", kKi * kKi},     {"gi", kKi * kKi * kKi},
}};

[[noreturn]] void reject(std::string_view text) {
  throw InputError("expected a size such as \"8GiB\" or \"512MB\", got " + quote_value(text));
}

}  // namespace

double parse_size(std::string_view text) {
  std::string_view rest = text;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
  if (ec != std::errc{} || !std::isfinite(value) || value < 0) reject(text);
  rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);

  std::string unit;
  for (char c : rest) unit += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  for (const auto& [name, factor] : kUnits) {
    if (unit == name) return value * factor;
  }
  reject(text);
}

std::string format_bytes(double bytes) {
  static constexpr std::array<const char*, 5> kNames{"B", "KiB", "MiB", "GiB", "TiB"};
  std::size_t i = 0;
  double v = bytes;
  while (std::fabs(v) >= kKi && i + 1 < kNames.size()) {
    v /= kKi;
    ++i;
  }
  char buf[32];
  if (i == 0) {
    std::snprintf(buf, sizeof buf, "%.0f B", v);
  } else {
    std::snprintf(buf, sizeof buf, std::fabs(v) < 10 ? "%.2f %s" : std::fabs(v) < 100 ? "%.1f %s" : "%.0f %s", v, kNames[i]);
  }
  return buf;
}

}  // namespace lh
