#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace lh::analysis {

// A run of points sorted by x. Pairs are formed only within a run: the
// segments between restarts are each compared with themselves, never with
// one another (the seasonal form of Theil–Sen and Mann–Kendall).
struct Run {
  std::span<const double> x;
  std::span<const double> y;
};

// Pairs with distinct x, whose slopes Theil–Sen takes the median of.
std::uint64_t count_slope_pairs(std::span<const Run> runs);

// How many of those pairs have a slope <= theta, in O(n log n) per run:
// ordering the points by y - theta·x, a pair's slope is <= theta exactly
// when the pair swaps places relative to the order by x. Exact, except for
// a slope within rounding error of theta, which may count either way.
std::uint64_t count_slopes_at_most(std::span<const Run> runs, double theta);

// The k-th smallest pairwise slope (0-based), NaN when there are not k+1
// pairs. Small inputs list every slope; large ones narrow in on the rank
// with a random sample of slopes and the counting above, then list only
// the slopes left between the two bounds (expected O(n log² n)).
double kth_pairwise_slope(std::span<const Run> runs, std::uint64_t k);

// Every pairwise slope, unordered: for inputs of up to kListAllPairs pairs.
inline constexpr std::uint64_t kListAllPairs = 200000;
std::vector<double> pairwise_slopes(std::span<const Run> runs);

// Theil–Sen: the median pairwise slope (the mean of the two middle ones
// for an even count); NaN without pairs.
double theil_sen_slope(std::span<const Run> runs);

}  // namespace lh::analysis
