#include "probe/health_status.h"

#include <array>
#include <string>
#include <utility>

namespace lh::probe {
namespace {

constexpr std::array<std::pair<std::string_view, double>, 19> kWords{{
    {"healthy", 1.0},   {"ok", 1.0},       {"up", 1.0},       {"pass", 1.0},     {"passing", 1.0},
    {"serving", 1.0},   {"ready", 1.0},    {"green", 1.0},    {"degraded", 0.5}, {"warn", 0.5},
    {"warning", 0.5},   {"yellow", 0.5},   {"unhealthy", 0.0}, {"down", 0.0},    {"fail", 0.0},
    {"failing", 0.0},   {"error", 0.0},    {"not_serving", 0.0}, {"red", 0.0},
}};

}  // namespace

std::optional<double> health_value(std::string_view word) {
  while (!word.empty() && (word.front() == ' ' || word.front() == '\n' || word.front() == '\r' || word.front() == '\t')) word.remove_prefix(1);
  while (!word.empty() && (word.back() == ' ' || word.back() == '\n' || word.back() == '\r' || word.back() == '\t')) word.remove_suffix(1);
  if (word.empty() || word.size() > 16) return std::nullopt;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const auto& [w, value] : kWords) {
    if (w == lower) return value;
  }
  return std::nullopt;
}

}  // namespace lh::probe
