#pragma once

#include <span>

#include "analysis/pairwise_slopes.h"

namespace lh::analysis {

// The Mann–Kendall trend test on runs of points sorted by time: S counts
// later-above-earlier pairs minus later-below-earlier pairs within each run,
// and its variance under "no trend" is the sum of the runs' variances (with
// the correction for tied values). The Hamed–Rao variant multiplies each
// run's variance by n/n*, the effect of autocorrelation in the detrended
// ranks (Hamed & Rao 1998), so a slow wave or a GC sawtooth does not pass
// for a trend.
struct MannKendall {
  double s = 0;
  double variance = 0;         // of S under no trend, after the correction if any
  double variance_factor = 1;  // n/n*, pooled over runs (1 without correction)
  double z = 0;                // continuity-corrected
  double p_increasing = 1;     // one-sided p-value for an upward trend
  double p_two_sided = 1;
};

// Plain Mann–Kendall: O(n log n) per run (S from a count of inversions).
MannKendall mann_kendall(std::span<const Run> runs);

// Mann–Kendall with the Hamed–Rao correction, for runs of modest length (it
// computes every lag's autocorrelation: O(n²) per run, meant for buckets).
// `slope` detrends each run before its ranks are correlated; lags whose
// autocorrelation lies within ±z(1-alpha/2)/sqrt(n) count as zero. Never
// narrower than the plain test: a factor below 1 is taken as 1.
MannKendall mann_kendall_hamed_rao(std::span<const Run> runs, double slope, double alpha = 0.05);

// The S statistic of one run, its variance with ties, and the Hamed–Rao
// factor n/n*, exposed for the tests and the baselines.
double mk_statistic(const Run& run);
double mk_variance(const Run& run);
double hamed_rao_factor(const Run& run, double slope, double alpha);

}  // namespace lh::analysis
