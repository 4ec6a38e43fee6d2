#include "analysis/sen_slope.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/normal.h"

namespace lh::analysis {

SlopeEstimate sen_slope_with_ci(std::span<const Run> runs, double variance_of_s, double level) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::uint64_t pairs = count_slope_pairs(runs);
  if (pairs == 0) return {nan, nan, nan};
  SlopeEstimate e;
  e.slope = theil_sen_slope(runs);
  const double n = static_cast<double>(pairs);
  const double c = normal_quantile(1 - (1 - level) / 2) * std::sqrt(std::max(0.0, variance_of_s));
  // 1-based ranks (N-C)/2 and (N+C)/2 + 1, rounded to the nearest rank.
  const double lower_rank = std::round((n - c) / 2);
  const double upper_rank = std::round((n + c) / 2) + 1;
  e.low = lower_rank < 1 ? -std::numeric_limits<double>::infinity()
                         : kth_pairwise_slope(runs, static_cast<std::uint64_t>(lower_rank) - 1);
  e.high = upper_rank > n ? std::numeric_limits<double>::infinity()
                          : kth_pairwise_slope(runs, static_cast<std::uint64_t>(upper_rank) - 1);
  return e;
}

}  // namespace lh::analysis
