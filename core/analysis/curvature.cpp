#include "analysis/curvature.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lh::analysis {

bool decelerates(std::span<const double> t, std::span<const double> y, double z, double ratio) {
  const std::size_t n = std::min(t.size(), y.size());
  if (n < 6) return false;
  // Centred and scaled time, and its square made orthogonal to it: the
  // parabola's coefficients are then three independent projections.
  double mt = 0, my = 0;
  for (std::size_t i = 0; i < n; ++i) {
    mt += t[i] / double(n);
    my += y[i] / double(n);
  }
  const double half = std::max(t[n - 1] - mt, mt - t[0]);
  if (!(half > 0)) return false;
  std::vector<double> u(n), q(n);
  double uu = 0, uq = 0, mq = 0;
  for (std::size_t i = 0; i < n; ++i) {
    u[i] = (t[i] - mt) / half;
    uu += u[i] * u[i];
  }
  for (std::size_t i = 0; i < n; ++i) mq += u[i] * u[i] / double(n);
  for (std::size_t i = 0; i < n; ++i) uq += u[i] * (u[i] * u[i] - mq);
  double qq = 0, qy = 0, uy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    q[i] = u[i] * u[i] - mq - uq / uu * u[i];
    qq += q[i] * q[i];
    qy += q[i] * (y[i] - my);
    uy += u[i] * (y[i] - my);
  }
  if (!(qq > 0)) return false;
  const double c = qy / qq;                // the bend, on the scaled clock
  const double b = uy / uu - c * uq / uu;  // the slope at the centre (u = 0)
  // Noise: what the parabola leaves, or the jitter from sample to sample
  // (1.4826 × the median absolute second difference / sqrt(6) for white
  // noise), whichever is larger: bursts of growth leave a parabola far
  // behind, and must not pass for a bend.
  double sse = 0, lag1 = 0, previous = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double e = y[i] - my - uy / uu * u[i] - c * q[i];
    sse += e * e;
    if (i > 0) lag1 += e * previous;
    previous = e;
  }
  std::vector<double> d2;
  for (std::size_t i = 1; i + 1 < n; ++i) d2.push_back(std::fabs(y[i + 1] - 2 * y[i] + y[i - 1]));
  std::nth_element(d2.begin(), d2.begin() + static_cast<std::ptrdiff_t>(d2.size() / 2), d2.end());
  const double sigma = std::max(std::sqrt(sse / static_cast<double>(n - 3)), 1.4826 * d2[d2.size() / 2] / std::sqrt(6.0));
  // Noise that wanders (AR(1), as memory does between collections) bends a
  // short stretch far more often than white noise of the same size: widen
  // by the AR(1) inflation (1 + r1) / (1 - r1) of what the parabola leaves,
  // as the trend test does (mann_kendall.h).
  const double r1 = sse > 0 ? std::clamp(lag1 / sse, 0.0, 0.9) : 0.0;
  const double se = sigma * std::sqrt((1 + r1) / (1 - r1)) / std::sqrt(qq);
  if (!(c < 0) || (se > 0 && -c / se < z)) return false;
  // The slope at either end: b + 2c·u (u = -1 at the start, +1 at the end).
  const double start = b - 2 * c, end = b + 2 * c;
  return start > 0 && end < ratio * start;
}

}  // namespace lh::analysis
