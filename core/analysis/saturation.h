#pragma once

#include <optional>
#include <span>

namespace lh::analysis {

// A warm-up's tail: memory approaching a plateau, y = plateau - b·e^(-t/tau),
// its rate of growth falling by the same factor in every equal stretch of
// time. Fitted by least squares over a grid of tau (linear in the plateau
// and b for each tau).
struct Saturation {
  double plateau = 0;
  double tau_s = 0;
  double t0 = 0, b = 0;  // the curve: plateau - b·e^(-(t - t0)/tau)
  double sse = 0;       // of the curve
  double sse_line = 0;  // of a straight line through the same points
  double at(double t) const;
};

// nullopt when no rising curve fits better than a line, or too few points.
std::optional<Saturation> fit_saturation(std::span<const double> t, std::span<const double> y);

}  // namespace lh::analysis
