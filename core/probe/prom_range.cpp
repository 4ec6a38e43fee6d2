#include "probe/prom_range.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lh::probe {

double round_step_up(double seconds) {
  // Grafana's kbn.roundInterval steps, from a millisecond to a year.
  static constexpr std::array<double, 28> kSteps{
      0.001, 0.01,  0.02,  0.05,   0.1,    0.2,    0.5,     1,       2,        5,         10,      15,      20,      30,
      60,    120,   300,   600,    900,    1200,   1800,    3600,    10800,    21600,     43200,   86400,   604800,  31536000};
  for (double step : kSteps) {
    if (step >= seconds) return step;
  }
  return std::ceil(seconds / kSteps.back()) * kSteps.back();
}

RangePlan plan_range(double start_s, double end_s, double min_step_s, std::size_t max_points) {
  RangePlan plan;
  const double range = std::max(0.0, end_s - start_s);
  max_points = std::max<std::size_t>(max_points, 2);
  plan.step_s = std::max(min_step_s, 0.001);
  if (range / plan.step_s + 1 > static_cast<double>(max_points)) {
    plan.step_s = round_step_up(range / static_cast<double>(max_points - 1));
  }
  plan.points = static_cast<std::size_t>(std::floor(range / plan.step_s + 1e-9)) + 1;
  for (std::size_t first = 0; first < plan.points; first += kPromMaxPointsPerRequest) {
    const std::size_t last = std::min(plan.points, first + kPromMaxPointsPerRequest) - 1;
    plan.chunks.push_back({start_s + static_cast<double>(first) * plan.step_s,
                           start_s + static_cast<double>(last) * plan.step_s});
  }
  return plan;
}

std::vector<RangeChunk> halves(const RangeChunk& chunk, double step_s) {
  const auto points = static_cast<std::size_t>(std::floor((chunk.end_s - chunk.start_s) / step_s + 1e-9)) + 1;
  if (points < 2) return {chunk};
  const std::size_t first_half = points / 2;
  const double cut = chunk.start_s + static_cast<double>(first_half - 1) * step_s;
  return {{chunk.start_s, cut}, {cut + step_s, chunk.end_s}};
}

}  // namespace lh::probe
