#include "load/stage_schedule.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace lh::load {

StageSchedule::StageSchedule(double start_value, std::vector<Stage> stages)
    : start_value_(start_value), stages_(std::move(stages)) {
  starts_.push_back(0);
  arrivals_.push_back(0);
  for (std::size_t i = 0; i < stages_.size(); ++i) {
    const double d = stages_[i].duration.count();
    starts_.push_back(starts_.back() + d);
    arrivals_.push_back(arrivals_.back() + (from_value(i) + stages_[i].target) / 2 * d);
  }
}

std::size_t StageSchedule::stage_at(double t) const {
  std::size_t i = 0;
  while (i < stages_.size() && t >= starts_[i + 1]) ++i;
  return i;
}

double StageSchedule::value_at(double t) const {
  const std::size_t i = stage_at(t);
  if (i == stages_.size()) return stages_.empty() ? start_value_ : stages_.back().target;
  const double fraction = (t - starts_[i]) / stages_[i].duration.count();
  return from_value(i) + (stages_[i].target - from_value(i)) * fraction;
}

double StageSchedule::arrivals_by(double t) const {
  if (t <= 0) return 0;
  const std::size_t i = stage_at(t);
  const double into = t - starts_[i];
  if (i == stages_.size()) return arrivals_.back() + value_at(t) * into;
  return arrivals_[i] + (from_value(i) + value_at(t)) / 2 * into;
}

double StageSchedule::time_of_arrival(double n) const {
  constexpr double kNever = std::numeric_limits<double>::infinity();
  if (n <= 0) return 0;
  std::size_t i = 0;
  while (i < stages_.size() && n > arrivals_[i + 1]) ++i;
  const double r0 = from_value(i);
  const double m = n - arrivals_[i];
  if (i == stages_.size()) {
    const double r = stages_.empty() ? start_value_ : stages_.back().target;
    return r > 0 ? starts_[i] + m / r : kNever;
  }
  // Within a linear ramp r(τ) = r0 + (r1 - r0) τ / T, arrivals are
  // r0 τ + a τ² with a = (r1 - r0) / 2T. This root form stays exact when
  // a is 0 and when the ramp goes down.
  const double a = (stages_[i].target - r0) / (2 * stages_[i].duration.count());
  const double disc = r0 * r0 + 4 * a * m;
  const double denom = r0 + std::sqrt(std::max(0.0, disc));
  if (denom <= 0) return kNever;
  return starts_[i] + 2 * m / denom;
}

std::string StageSchedule::describe(std::size_t index, const char* unit) const {
  char buf[160];
  const auto fmt = [](double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", v);
    return std::string(b);
  };
  std::snprintf(buf, sizeof buf, "stage %zu/%zu: %s → %s %s over %s", index + 1, stages_.size(),
                fmt(from_value(index)).c_str(), fmt(stages_[index].target).c_str(), unit,
                format_duration(stages_[index].duration).c_str());
  return buf;
}

}  // namespace lh::load
