#pragma once

#include <span>

namespace lh::bench {

// The two detectors the literature starts from, on the raw series (NaN
// samples skipped, restarts ignored), as the issue defines them.

// Ordinary least squares: a leak when the slope is positive and R² >= 0.5.
bool least_squares_says_leak(std::span<const double> t, std::span<const double> v);

// Plain Mann–Kendall (no autocorrelation correction, two-sided p < 0.05)
// with a positive Sen slope.
bool mann_kendall_sen_says_leak(std::span<const double> t, std::span<const double> v);

}  // namespace lh::bench
