#pragma once

namespace lh::analysis {

// The standard normal distribution, which the trend test's statistic
// follows for the sample sizes LeakHound sees (n >= 10).
double normal_cdf(double z);
// The z with normal_cdf(z) == p, for 0 < p < 1 (Acklam's rational
// approximation, polished by one Newton step: exact to about 1e-12).
double normal_quantile(double p);

}  // namespace lh::analysis
