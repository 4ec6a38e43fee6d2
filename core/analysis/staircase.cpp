#include "analysis/staircase.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/resolution.h"

namespace lh::analysis {
namespace {

// How far beyond the usual change a step must jump, in robust standard
// deviations of that change, and at least this share of the level.
constexpr double kStepSigmas = 6.0;
constexpr double kMinStepShare = 0.005;
// In readings a service rounds, stairs of a single reading step each
// (typically under kMinRoundingSteps of them) are a smooth rise read
// coarsely: a leak's when they come evenly, a warm-up tail's when each
// comes later than the one before, the later ones kSlowingStairs times as
// far apart as the earlier ones.
constexpr double kMinRoundingSteps = 1.5;
constexpr double kSlowingStairs = 1.5;
// A step stays up: the next few floors keep at least half of it.
constexpr std::size_t kHoldBuckets = 3;
// A step takes at most this many buckets (or an eighth of the series).
constexpr std::size_t kMaxStepBuckets = 8;

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

}  // namespace

Steps find_steps(std::span<const double> t, std::span<const double> y, double level) {
  Steps s;
  const std::size_t n = std::min(t.size(), y.size());
  if (n < 2 * kHoldBuckets + 2) return s;
  std::vector<double> diffs(n - 1);
  for (std::size_t i = 0; i + 1 < n; ++i) diffs[i] = y[i + 1] - y[i];
  // Flat between the steps is what a staircase is: changes are measured
  // from zero, and the noise is read off the smallest of them (the 30th
  // percentile of |change| is 0.385 sd for normal noise), so that ramps and
  // steps taking up most of the series do not pass for noise.
  std::vector<double> sizes;
  for (double d : diffs) sizes.push_back(std::fabs(d));
  const auto at = sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() * 3 / 10);
  std::nth_element(sizes.begin(), at, sizes.end());
  const double sd = *at / 0.385;
  const double threshold = std::max(kStepSigmas * sd, kMinStepShare * std::fabs(level));
  if (!(threshold > 0)) return s;

  // A step may be a ramp over a few buckets (a batch kept over seconds):
  // consecutive changes well beyond the usual one, in one direction, are
  // one step, counted when together they jump beyond the threshold.
  const double part = threshold / 2;
  std::vector<double> heights, times;
  std::size_t flat_from = 0;  // where the floor last stopped moving
  for (std::size_t i = 0; i + 1 < n;) {
    const double first = diffs[i];
    if (std::fabs(first) <= part) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end + 1 < n && diffs[end] * first > 0 && std::fabs(diffs[end]) > part) ++end;
    const double jump = y[end] - y[i];
    if (std::fabs(jump) <= threshold) {
      i = end;
      continue;
    }
    // A long climb is a warm-up (a cache filling), not a step, and so is a
    // first climb that came before the floor had stood still for as long as
    // it took (a process starting up, its first seconds barely flat): the
    // first stair is a jump from a flat. The stairs, if any, start after it.
    const bool starting_up = jump > 0 && s.up == 0 && i - flat_from < end - i;
    if (end - i > std::max(kMaxStepBuckets, n / 8) || starting_up) {
      s = Steps{};
      heights.clear();
      times.clear();
      i = end;
      flat_from = end;
      continue;
    }
    const std::size_t hold_to = std::min(n - 1, end + kHoldBuckets);
    bool held = end + kHoldBuckets <= n - 1;
    for (std::size_t k = end; k <= hold_to; ++k) {
      held = held && (jump > 0 ? y[k] >= y[i] + jump / 2 : y[k] <= y[i] + jump / 2);
    }
    if (held) {
      if (jump > 0) {
        if (s.up == 0) {
          s.first_s = t[i + 1];
          s.before_first = y[i];
        }
        ++s.up;
        s.last_s = t[end];
        heights.push_back(y[end] - y[i]);
        times.push_back(t[end]);
      } else {
        ++s.down;
      }
    }
    i = end;
    flat_from = end;
  }
  s.typical_step = median(heights);
  std::vector<double> every;
  for (std::size_t k = 1; k < times.size(); ++k) every.push_back(times[k] - times[k - 1]);
  s.typical_every = median(every);
  const auto rounding = coarse_step(y.first(n));
  if (rounding && s.typical_step < kMinRoundingSteps * *rounding && every.size() >= 2) {
    const std::size_t half = every.size() / 2;
    double early = 0, late = 0;
    for (std::size_t k = 0; k < every.size(); ++k) (k < half ? early : late) += every[k];
    early /= static_cast<double>(half);
    late /= static_cast<double>(every.size() - half);
    if (late > kSlowingStairs * early) return Steps{};
  }
  return s;
}

}  // namespace lh::analysis
