#include "analysis/two_phase.h"

#include <algorithm>
#include <vector>

namespace lh::analysis {
namespace {

// Running sums for least squares over index ranges. Values are taken
// relative to the first point, which keeps the sums well conditioned.
struct Sums {
  double n = 0, t = 0, y = 0, tt = 0, ty = 0, yy = 0;
  Sums operator-(const Sums& o) const { return {n - o.n, t - o.t, y - o.y, tt - o.tt, ty - o.ty, yy - o.yy}; }
};

LineFit fit(const Sums& s, double t0, double y0) {
  LineFit f;
  if (s.n <= 0) return f;
  const double stt = s.tt - s.t * s.t / s.n;
  const double sty = s.ty - s.t * s.y / s.n;
  const double syy = s.yy - s.y * s.y / s.n;
  f.slope = stt > 0 ? sty / stt : 0;
  const double intercept_rel = (s.y - f.slope * s.t) / s.n;  // in relative coordinates
  f.intercept = intercept_rel + y0 - f.slope * t0;
  f.sse = std::max(0.0, syy - f.slope * sty);
  return f;
}

}  // namespace

LineFit fit_line(std::span<const double> t, std::span<const double> y) {
  if (t.empty()) return {};
  Sums s;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const double dt = t[i] - t[0], dy = y[i] - y[0];
    s = {s.n + 1, s.t + dt, s.y + dy, s.tt + dt * dt, s.ty + dt * dy, s.yy + dy * dy};
  }
  return fit(s, t[0], y[0]);
}

std::optional<TwoPhaseFit> best_two_phase(std::span<const double> t, std::span<const double> y, std::size_t min_side) {
  const std::size_t n = t.size();
  min_side = std::max<std::size_t>(min_side, 2);
  if (n < 2 * min_side) return std::nullopt;
  std::vector<Sums> prefix(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const double dt = t[i] - t[0], dy = y[i] - y[0];
    const Sums& p = prefix[i];
    prefix[i + 1] = {p.n + 1, p.t + dt, p.y + dy, p.tt + dt * dt, p.ty + dt * dy, p.yy + dy * dy};
  }
  TwoPhaseFit best;
  best.sse_line = fit(prefix[n], t[0], y[0]).sse;
  double best_sse = -1;
  for (std::size_t split = min_side; split + min_side <= n; ++split) {
    const LineFit left = fit(prefix[split], t[0], y[0]);
    const LineFit right = fit(prefix[n] - prefix[split], t[0], y[0]);
    if (best_sse < 0 || left.sse + right.sse < best_sse) {
      best_sse = left.sse + right.sse;
      best.split = split;
      best.left = left;
      best.right = right;
    }
  }
  return best;
}

}  // namespace lh::analysis
