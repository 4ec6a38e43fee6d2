#include "baselines.h"

#include <cmath>
#include <vector>

#include "analysis/mann_kendall.h"
#include "analysis/pairwise_slopes.h"
#include "analysis/two_phase.h"

namespace lh::bench {
namespace {

void valid(std::span<const double> t, std::span<const double> v, std::vector<double>& x, std::vector<double>& y) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (std::isnan(v[i])) continue;
    x.push_back(t[i]);
    y.push_back(v[i]);
  }
}

}  // namespace

bool least_squares_says_leak(std::span<const double> t, std::span<const double> v) {
  std::vector<double> x, y;
  valid(t, v, x, y);
  if (x.size() < 3) return false;
  const auto fit = analysis::fit_line(x, y);
  double mean = 0;
  for (double value : y) mean += value / static_cast<double>(y.size());
  double total = 0;
  for (double value : y) total += (value - mean) * (value - mean);
  const double r2 = total > 0 ? 1 - fit.sse / total : 0;
  return fit.slope > 0 && r2 >= 0.5;
}

bool mann_kendall_sen_says_leak(std::span<const double> t, std::span<const double> v) {
  std::vector<double> x, y;
  valid(t, v, x, y);
  if (x.size() < 3) return false;
  const analysis::Run runs[] = {{x, y}};
  const auto mk = analysis::mann_kendall(runs);
  return mk.p_two_sided < 0.05 && mk.s > 0 && analysis::theil_sen_slope(runs) > 0;
}

}  // namespace lh::bench
