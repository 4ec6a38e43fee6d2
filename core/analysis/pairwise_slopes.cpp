#include "analysis/pairwise_slopes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace lh::analysis {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Order of the points just after theta (by y - theta·x). Lines that meet
// exactly at theta have crossed by then: the one with the larger x is
// below. theta = -inf gives the order by x (then y).
std::vector<std::uint32_t> order_after(const Run& run, double theta) {
  std::vector<std::uint32_t> order(run.x.size());
  std::iota(order.begin(), order.end(), 0u);
  if (theta == -kInf) {
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (run.x[a] != run.x[b]) return run.x[a] < run.x[b];
      if (run.y[a] != run.y[b]) return run.y[a] < run.y[b];
      return a < b;
    });
    return order;
  }
  if (theta == kInf) {
    // Far right every line is ordered by -x: all pairs with distinct x have crossed.
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (run.x[a] != run.x[b]) return run.x[a] > run.x[b];
      if (run.y[a] != run.y[b]) return run.y[a] < run.y[b];
      return a < b;
    });
    return order;
  }
  // Shifting x by a constant shifts every z alike and keeps the order; from
  // the first x, z keeps its precision on epoch-sized times.
  std::vector<double> z(run.x.size());
  for (std::size_t i = 0; i < z.size(); ++i) z[i] = run.y[i] - theta * (run.x[i] - run.x[0]);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (z[a] != z[b]) return z[a] < z[b];
    if (run.x[a] != run.x[b]) return run.x[a] > run.x[b];
    return run.y[a] != run.y[b] ? run.y[a] < run.y[b] : a < b;
  });
  return order;
}

// Inversions of `seq` (pairs i < j with seq[i] > seq[j]) by merge sort;
// with `found`, also lists them as (seq value, seq value) pairs, up to `cap`.
std::uint64_t inversions(std::vector<std::uint32_t>& seq, std::vector<std::pair<std::uint32_t, std::uint32_t>>* found,
                         std::size_t cap) {
  std::uint64_t count = 0;
  std::vector<std::uint32_t> buffer(seq.size());
  for (std::size_t width = 1; width < seq.size(); width *= 2) {
    for (std::size_t lo = 0; lo < seq.size(); lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, seq.size());
      const std::size_t hi = std::min(lo + 2 * width, seq.size());
      std::size_t a = lo, b = mid, out = lo;
      while (a < mid && b < hi) {
        if (seq[a] < seq[b]) {
          buffer[out++] = seq[a++];
        } else {
          count += mid - a;
          if (found) {
            for (std::size_t i = a; i < mid && found->size() < cap; ++i) found->emplace_back(seq[i], seq[b]);
          }
          buffer[out++] = seq[b++];
        }
      }
      while (a < mid) buffer[out++] = seq[a++];
      while (b < hi) buffer[out++] = seq[b++];
    }
    seq.swap(buffer);
  }
  return count;
}

// The pairs of `run` that cross in (lo, hi]: they change places between the
// order just after lo and the order just after hi.
std::uint64_t crossings(const Run& run, double lo, double hi,
                        std::vector<std::pair<std::uint32_t, std::uint32_t>>* found, std::size_t cap) {
  if (run.x.size() < 2) return 0;
  const auto before = order_after(run, lo);
  std::vector<std::uint32_t> rank(before.size());
  for (std::uint32_t i = 0; i < before.size(); ++i) rank[before[i]] = i;
  const auto after = order_after(run, hi);
  std::vector<std::uint32_t> seq(after.size());
  for (std::size_t i = 0; i < after.size(); ++i) seq[i] = rank[after[i]];
  const std::size_t already = found ? found->size() : 0;
  const std::uint64_t n = inversions(seq, found, cap);
  if (found) {
    // Back from ranks to point indices.
    for (std::size_t i = already; i < found->size(); ++i)
      (*found)[i] = {before[(*found)[i].first], before[(*found)[i].second]};
  }
  return n;
}

double slope_of(const Run& run, std::uint32_t a, std::uint32_t b) {
  return (run.y[b] - run.y[a]) / (run.x[b] - run.x[a]);
}

std::vector<double> all_slopes(std::span<const Run> runs) {
  std::vector<double> slopes;
  for (const auto& run : runs) {
    for (std::size_t i = 0; i < run.x.size(); ++i) {
      for (std::size_t j = i + 1; j < run.x.size(); ++j) {
        if (run.x[j] != run.x[i]) slopes.push_back((run.y[j] - run.y[i]) / (run.x[j] - run.x[i]));
      }
    }
  }
  return slopes;
}

// Slopes of random pairs (distinct x), drawn uniformly over all pairs.
std::vector<double> sample_slopes(std::span<const Run> runs, std::size_t count) {
  std::mt19937_64 rng(0x5eed);  // fixed: the same input gives the same answer
  std::vector<double> weights;
  for (const auto& run : runs)
    weights.push_back(0.5 * static_cast<double>(run.x.size()) * static_cast<double>(run.x.size() - 1));
  std::discrete_distribution<std::size_t> pick_run(weights.begin(), weights.end());
  std::vector<double> sample;
  sample.reserve(count);
  for (std::size_t tries = 0; sample.size() < count && tries < 20 * count; ++tries) {
    const Run& run = runs[pick_run(rng)];
    std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(run.x.size() - 1));
    const std::uint32_t a = pick(rng), b = pick(rng);
    if (run.x[a] == run.x[b]) continue;
    sample.push_back(slope_of(run, std::min(a, b), std::max(a, b)));
  }
  std::sort(sample.begin(), sample.end());
  return sample;
}

}  // namespace

std::vector<double> pairwise_slopes(std::span<const Run> runs) { return all_slopes(runs); }

std::uint64_t count_slope_pairs(std::span<const Run> runs) {
  std::uint64_t total = 0;
  for (const auto& run : runs) {
    const std::size_t n = run.x.size();
    total += n * (n > 0 ? n - 1 : 0) / 2;
    // Pairs with equal x have no slope.
    for (std::size_t i = 0; i < n;) {
      std::size_t j = i;
      while (j < n && run.x[j] == run.x[i]) ++j;
      total -= (j - i) * (j - i - 1) / 2;
      i = j;
    }
  }
  return total;
}

std::uint64_t count_slopes_at_most(std::span<const Run> runs, double theta) {
  if (std::isnan(theta)) return 0;
  std::uint64_t total = 0;
  for (const auto& run : runs) total += crossings(run, -kInf, theta, nullptr, 0);
  return total;
}

double kth_pairwise_slope(std::span<const Run> runs, std::uint64_t k) {
  const std::uint64_t pairs = count_slope_pairs(runs);
  if (k >= pairs) return std::numeric_limits<double>::quiet_NaN();
  if (pairs <= kListAllPairs) {
    auto slopes = all_slopes(runs);
    std::nth_element(slopes.begin(), slopes.begin() + static_cast<std::ptrdiff_t>(k), slopes.end());
    return slopes[k];
  }

  std::size_t points = 0;
  for (const auto& run : runs) points += run.x.size();
  const auto sample = sample_slopes(runs, std::max<std::size_t>(4 * points, 4096));
  // Bounds lo < (k-th slope) <= hi, each a sampled slope (or ±inf), found by
  // bisecting the sample: about N / sample-size slopes stay between them.
  std::size_t below = 0, above = sample.size();  // sample[below-1] is lo, sample[above] is hi
  while (below < above) {
    const std::size_t mid = (below + above) / 2;
    if (count_slopes_at_most(runs, sample[mid]) <= k) {
      below = mid + 1;
    } else {
      above = mid;
    }
  }
  const double lo = below == 0 ? -kInf : sample[below - 1];
  const double hi = above == sample.size() ? kInf : sample[above];
  const std::uint64_t under = lo == -kInf ? 0 : count_slopes_at_most(runs, lo);

  std::vector<double> between;
  for (const auto& run : runs) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
    crossings(run, lo, hi, &found, std::numeric_limits<std::size_t>::max());
    for (auto [a, b] : found) {
      if (run.x[a] == run.x[b]) continue;
      between.push_back(run.x[a] < run.x[b] ? slope_of(run, a, b) : slope_of(run, b, a));
    }
  }
  if (between.empty()) return hi;
  const std::uint64_t rank = std::min<std::uint64_t>(k - under, between.size() - 1);
  std::nth_element(between.begin(), between.begin() + static_cast<std::ptrdiff_t>(rank), between.end());
  return between[rank];
}

double theil_sen_slope(std::span<const Run> runs) {
  const std::uint64_t pairs = count_slope_pairs(runs);
  if (pairs == 0) return std::numeric_limits<double>::quiet_NaN();
  if (pairs % 2 == 1) return kth_pairwise_slope(runs, pairs / 2);
  return 0.5 * (kth_pairwise_slope(runs, pairs / 2 - 1) + kth_pairwise_slope(runs, pairs / 2));
}

}  // namespace lh::analysis
