#include "analysis/drift.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/student_t.h"

namespace lh::analysis {
namespace {

constexpr std::size_t kMaxBlocksPerRun = 10;

// About the square root of the run's points in blocks of at least two
// points each: enough blocks to see the spread, long enough to absorb
// short-range autocorrelation.
std::size_t blocks_for(std::size_t points) {
  if (points < 3) return 0;
  const auto b = static_cast<std::size_t>(std::lround(std::sqrt(static_cast<double>(points - 1))));
  return std::clamp<std::size_t>(b, 1, std::min(kMaxBlocksPerRun, (points - 1) / 2));
}

}  // namespace

Drift drift_by_blocks(std::span<const Run> runs, double ci_level) {
  Drift d;
  const double inf = std::numeric_limits<double>::infinity();
  double growth = 0, seconds = 0;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& x = runs[r].x;
    const auto& y = runs[r].y;
    const std::size_t blocks = blocks_for(x.size());
    std::size_t from = 0;
    for (std::size_t b = 1; b <= blocks; ++b) {
      const std::size_t to = (x.size() - 1) * b / blocks;
      const double dt = x[to] - x[from];
      if (dt > 0) {
        d.blocks.push_back({(x[to] + x[from]) / 2, dt, (y[to] - y[from]) / dt, r});
        growth += y[to] - y[from];
        seconds += dt;
      }
      from = to;
    }
  }
  d.se = inf;
  d.low = -inf;
  d.high = inf;
  if (seconds <= 0) return d;
  d.slope = growth / seconds;
  const std::size_t n = d.blocks.size();
  if (n < 3) return d;

  // The time-weighted mean rate is the slope; its variance comes from the
  // weighted spread of the rates around it.
  double weights2 = 0, spread = 0;
  for (const auto& b : d.blocks) {
    const double w = b.seconds / seconds;
    weights2 += w * w;
    spread += w * (b.rate - d.slope) * (b.rate - d.slope);
  }
  const double effective_n = 1 / weights2;
  d.df = effective_n - 1;
  // Var(sum w r) = sum w² · s², with s² = sum w (r - mean)² / (1 - sum w²).
  d.se = std::sqrt(spread * weights2 / (1 - weights2));
  if (d.se == 0) {
    d.low = d.high = d.slope;
    d.p_increasing = d.slope > 0 ? 0.0 : 1.0;
  } else {
    const double q = student_t_quantile(1 - (1 - ci_level) / 2, d.df);
    d.low = d.slope - q * d.se;
    d.high = d.slope + q * d.se;
    d.p_increasing = 1 - student_t_cdf(d.slope / d.se, d.df);
  }

  // The rate's own trend: block rates regressed on time, centred per run
  // (each run may sit at its own rate).
  std::vector<double> mean_t(runs.size(), 0), mean_r(runs.size(), 0), count(runs.size(), 0);
  for (const auto& b : d.blocks) {
    mean_t[b.run] += b.t_mid;
    mean_r[b.run] += b.rate;
    count[b.run] += 1;
  }
  double sxx = 0, sxy = 0;
  for (const auto& b : d.blocks) {
    const double dx = b.t_mid - mean_t[b.run] / count[b.run];
    sxx += dx * dx;
    sxy += dx * (b.rate - mean_r[b.run] / count[b.run]);
  }
  std::size_t used_runs = 0;
  for (double c : count) used_runs += c > 0 ? 1 : 0;
  const double df = static_cast<double>(n) - static_cast<double>(used_runs) - 1;
  if (sxx > 0 && df >= 1) {
    d.rate_trend = sxy / sxx;
    double sse = 0;
    for (const auto& b : d.blocks) {
      const double dx = b.t_mid - mean_t[b.run] / count[b.run];
      const double e = b.rate - mean_r[b.run] / count[b.run] - d.rate_trend * dx;
      sse += e * e;
    }
    const double se = std::sqrt(sse / df / sxx);
    d.p_rate_falling = se > 0 ? student_t_cdf(d.rate_trend / se, df) : (d.rate_trend < 0 ? 0.0 : 1.0);
  }
  return d;
}

}  // namespace lh::analysis
