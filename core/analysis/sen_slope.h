#pragma once

#include <span>

#include "analysis/pairwise_slopes.h"

namespace lh::analysis {

struct SlopeEstimate {
  double slope = 0;  // Theil–Sen (median pairwise slope)
  double low = 0;    // confidence interval
  double high = 0;
};

// Sen's slope with the distribution-free confidence interval of Gilbert
// (1987, §16.4) built on the Mann–Kendall variance of S: with
// C = z(1-(1-level)/2)·sqrt(variance_of_s) and N pairs, the bounds are the
// (N-C)/2-th and ((N+C)/2+1)-th smallest slopes. Passing the Hamed–Rao
// variance widens the interval for autocorrelation, as the test is widened.
SlopeEstimate sen_slope_with_ci(std::span<const Run> runs, double variance_of_s, double level = 0.95);

}  // namespace lh::analysis
