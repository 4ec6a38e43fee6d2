#include "analysis/given_back.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lh::analysis {
namespace {

constexpr double kGivenBackShare = 0.5;  // of the growth before the fall
constexpr double kNoiseSigmas = 4.0;
constexpr double kMinShareOfLevel = 0.005;
constexpr double kRegainShare = 0.5;     // of the fall, past the old peak
constexpr std::size_t kPeakHeld = 3;     // buckets at or above the fall's midpoint before it

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

}  // namespace

std::optional<GivenBack> growth_given_back(std::span<const double> t, std::span<const double> y, double level) {
  const std::size_t n = std::min(t.size(), y.size());
  if (n < 2 * kPeakHeld) return std::nullopt;
  // The floors' jitter: the median absolute deviation of their changes
  // (robust to the ramps and falls themselves), per point.
  std::vector<double> d;
  for (std::size_t i = 1; i < n; ++i) d.push_back(y[i] - y[i - 1]);
  const double mid = median(d);
  for (double& x : d) x = std::fabs(x - mid);
  const double sigma = 1.4826 * median(d) / std::sqrt(2.0);
  const double least = std::max(kNoiseSigmas * sigma, kMinShareOfLevel * std::fabs(level));

  double start_floor = y[0];
  for (std::size_t i = 1; i < std::max<std::size_t>(2, n / 10); ++i) start_floor = std::min(start_floor, y[i]);
  std::optional<GivenBack> latest;
  std::size_t peak = 0;
  for (std::size_t i = 1; i < n; ++i) {
    if (y[i] > y[peak]) peak = i;
    // Climbed well past the peak of the latest fall: the growth is regained.
    if (latest && y[i] >= latest->from + kRegainShare * (latest->from - latest->to)) latest.reset();
    const double rise = y[peak] - start_floor, fall = y[peak] - y[i];
    if (!(rise > least && fall >= least && fall >= kGivenBackShare * rise)) continue;
    if (latest && latest->from == y[peak]) {
      if (y[i] < latest->to) {
        latest->to = y[i];
        latest->at_s = t[i];
        latest->share = fall / rise;
      }
      continue;
    }
    // The peak must have held: a ramp or a plateau, not a lone spike.
    std::size_t held = 0;
    for (std::size_t k = peak + 1; k-- > 0 && held < kPeakHeld;) {
      if (y[k] < y[peak] - fall / 2) break;
      ++held;
    }
    if (held < kPeakHeld) continue;
    latest = GivenBack{t[i], y[peak], y[i], fall / rise};
  }
  return latest;
}

}  // namespace lh::analysis
