#include "chart/axis_ticks.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lh::chart {

namespace {

constexpr double kMinute = 60;
constexpr double kHour = 3600;
constexpr double kDay = 86400;

constexpr std::array kTimeSteps{1.0,          2.0,          5.0,           10.0,          15.0,
                                30.0,         kMinute,      2 * kMinute,   5 * kMinute,   10 * kMinute,
                                15 * kMinute, 30 * kMinute, kHour,         2 * kHour,     3 * kHour,
                                6 * kHour,    12 * kHour,   kDay,          2 * kDay,      7 * kDay};

double round_step(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double multiple : {1.0, 2.0, 2.5, 5.0}) {
    if (multiple * magnitude >= raw * (1 - 1e-9)) return multiple * magnitude;
  }
  return 10 * magnitude;
}

}  // namespace

double time_tick_step(double span_s, int max_ticks) {
  const double ticks = std::max(1, max_ticks);
  for (double step : kTimeSteps) {
    if (span_s / step <= ticks) return step;
  }
  // Longer than weeks: whole multiples of a week.
  return std::ceil(span_s / ticks / kTimeSteps.back()) * kTimeSteps.back();
}

std::size_t ticks_in(TimeWindow window, double step_s, std::span<double> out) {
  std::size_t written = 0;
  // Ticks are computed as k * step, never accumulated, so a tick at 250 s
  // is exactly 250 and labels it as 00:04:10, not 00:04:09.
  for (double k = std::ceil(window.begin_s / step_s); written < out.size(); ++k) {
    const double t = k * step_s;
    if (t > window.end_s) break;
    out[written++] = t;
  }
  return written;
}

NiceScale nice_scale(double min, double max, int max_ticks) {
  if (!std::isfinite(min) || !std::isfinite(max)) return {};
  if (min > max) std::swap(min, max);
  if (max - min <= std::abs(max) * 1e-12) {
    // A flat line: give it room above and below instead of a zero range.
    const double pad = min == 0 ? 1 : std::abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  // Ticks sit on multiples of the step, so a range across zero needs two.
  const double intervals = std::max(2, max_ticks);
  double step = round_step((max - min) / intervals);
  double lo = std::floor(min / step) * step;
  double hi = std::ceil(max / step) * step;
  // Rounding both ends outwards can add an interval: take the next step.
  for (int widen = 0; widen < 8 && (hi - lo) / step > intervals + 1e-9; ++widen) {
    step = round_step(step * 1.0001);
    lo = std::floor(min / step) * step;
    hi = std::ceil(max / step) * step;
  }
  const int digits = static_cast<int>(-std::floor(std::log10(step) + 1e-9));
  const bool quarter = std::abs(step / std::pow(10.0, -digits) - 2.5) < 1e-9;
  return NiceScale{lo, hi, step, std::max(0, digits + (quarter ? 1 : 0))};
}

}  // namespace lh::chart
