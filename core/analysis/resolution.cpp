#include "analysis/resolution.h"

#include <algorithm>
#include <cmath>

namespace lh::analysis {
namespace {

constexpr int kMostDecimals = 6;

// The decimals `v` is written with, at most kMostDecimals; -1 beyond.
int decimals_of(double v) {
  double scaled = v;
  for (int d = 0; d <= kMostDecimals; ++d, scaled *= 10) {
    if (std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::fabs(scaled))) return d;
  }
  return -1;
}

}  // namespace

std::optional<double> coarse_step(std::span<const double> readings) {
  int finest = 0;
  std::size_t count = 0;
  for (const double v : readings) {
    if (!std::isfinite(v)) continue;
    const int d = decimals_of(v);
    if (d < 0) return std::nullopt;
    finest = std::max(finest, d);
    ++count;
  }
  if (count < 2) return std::nullopt;
  const double step = std::pow(10.0, -finest);
  std::size_t pairs = 0, repeats = 0;
  for (std::size_t i = 1; i < readings.size(); ++i) {
    if (!std::isfinite(readings[i]) || !std::isfinite(readings[i - 1])) continue;
    ++pairs;
    if (std::fabs(readings[i] - readings[i - 1]) < step / 2) ++repeats;
  }
  if (2 * repeats < pairs) return std::nullopt;
  return step;
}

}  // namespace lh::analysis
