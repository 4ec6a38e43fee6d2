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
  const double n = static_cast<double>(pairs);
  const double c = normal_quantile(1 - (1 - level) / 2) * std::sqrt(std::max(0.0, variance_of_s));
  // 1-based ranks (N-C)/2 and (N+C)/2 + 1, rounded to the nearest rank.
  const double lower_rank = std::round((n - c) / 2);
  const double upper_rank = std::round((n + c) / 2) + 1;
  const double inf = std::numeric_limits<double>::infinity();
  SlopeEstimate e;
  if (pairs <= kListAllPairs) {
    // Few enough to list once (buckets): the median and both bounds by
    // selection in that one list.
    auto slopes = pairwise_slopes(runs);
    auto at = [&](std::size_t k) {
      std::nth_element(slopes.begin(), slopes.begin() + static_cast<std::ptrdiff_t>(k), slopes.end());
      return slopes[k];
    };
    e.slope = pairs % 2 ? at(pairs / 2) : 0.5 * (at(pairs / 2 - 1) + at(pairs / 2));
    e.low = lower_rank < 1 ? -inf : at(static_cast<std::size_t>(lower_rank) - 1);
    e.high = upper_rank > n ? inf : at(static_cast<std::size_t>(upper_rank) - 1);
    return e;
  }
  e.slope = theil_sen_slope(runs);
  e.low = lower_rank < 1 ? -inf : kth_pairwise_slope(runs, static_cast<std::uint64_t>(lower_rank) - 1);
  e.high = upper_rank > n ? inf : kth_pairwise_slope(runs, static_cast<std::uint64_t>(upper_rank) - 1);
  return e;
}

}  // namespace lh::analysis
