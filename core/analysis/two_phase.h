#pragma once

#include <cstddef>
#include <optional>
#include <span>

namespace lh::analysis {

struct LineFit {
  double intercept = 0;  // at t = 0
  double slope = 0;
  double sse = 0;  // sum of squared residuals
  double at(double t) const { return intercept + slope * t; }
};

// Least-squares line through points.
LineFit fit_line(std::span<const double> t, std::span<const double> y);

// The best split of a series into two parts, each with a line of its own:
// the shape of a warm-up that levels off, a cache that fills and holds, a
// model loaded once (a jump) or growth that starts late. O(n) with prefix
// sums. Each part keeps at least `min_side` points.
struct TwoPhaseFit {
  std::size_t split = 0;  // first index of the right part
  LineFit left, right;
  double sse_line = 0;  // of one line through everything
  // Share of the one line's squared error the split removes.
  double gain() const { return sse_line > 0 ? 1 - (left.sse + right.sse) / sse_line : 0; }
};
std::optional<TwoPhaseFit> best_two_phase(std::span<const double> t, std::span<const double> y, std::size_t min_side);

}  // namespace lh::analysis
