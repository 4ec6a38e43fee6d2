#pragma once

namespace lh::analysis {

// Student's t distribution with `df` degrees of freedom (df > 0), for tests
// on a handful of block means where the normal's tails are too thin.
double student_t_cdf(double t, double df);
// The t with student_t_cdf(t, df) == p, for 0 < p < 1.
double student_t_quantile(double p, double df);

}  // namespace lh::analysis
