#include "analysis/saturation.h"

#include <cmath>

#include "analysis/two_phase.h"

namespace lh::analysis {
namespace {

constexpr std::size_t kTauSteps = 48;        // on a log grid
constexpr double kShortestTau = 1.0 / 50;    // of the window
constexpr double kLongestTau = 5.0;          // of the window: beyond it, a line
constexpr int kRefinements = 24;             // golden-section steps between the best grid point's neighbours

// The least-squares curve for one tau: y on u = e^(-(t - t0)/tau) is a
// line, y = a + c·u, rising when c < 0. nullopt when it does not rise.
std::optional<Saturation> fit_for(std::span<const double> t, std::span<const double> y, double tau) {
  const std::size_t n = std::min(t.size(), y.size());
  const double t0 = t[0], y0 = y[0];
  double su = 0, sy = 0, suu = 0, suy = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double u = std::exp(-(t[i] - t0) / tau), v = y[i] - y0;
    su += u;
    sy += v;
    suu += u * u;
    suy += u * v;
    syy += v * v;
  }
  const double dn = static_cast<double>(n);
  const double var_u = suu - su * su / dn;
  if (!(var_u > 0)) return std::nullopt;
  const double cov = suy - su * sy / dn;
  const double c = cov / var_u;
  if (c >= 0) return std::nullopt;
  const double sse = std::max(0.0, syy - sy * sy / dn - c * cov);
  return Saturation{y0 + (sy - c * su) / dn, tau, t0, -c, sse, 0};
}

bool better(const std::optional<Saturation>& a, const std::optional<Saturation>& b) {
  return a && (!b || a->sse < b->sse);
}

}  // namespace

double Saturation::at(double t) const { return plateau - b * std::exp(-(t - t0) / tau_s); }

std::optional<Saturation> fit_saturation(std::span<const double> t, std::span<const double> y) {
  const std::size_t n = std::min(t.size(), y.size());
  if (n < 6) return std::nullopt;
  const double width = t[n - 1] - t[0];
  if (!(width > 0)) return std::nullopt;
  t = t.first(n);
  y = y.first(n);
  // A coarse grid first (the squared error has more than one dip), then the
  // best point refined between its neighbours: a grid step is 12 % of tau,
  // and a tau that far off misjudges how fast the tail should still grow.
  const double step = std::pow(kLongestTau / kShortestTau, 1.0 / (kTauSteps - 1));
  std::optional<Saturation> best;
  for (std::size_t k = 0; k < kTauSteps; ++k) {
    const auto fit = fit_for(t, y, width * kShortestTau * std::pow(step, double(k)));
    if (better(fit, best)) best = fit;
  }
  if (!best) return std::nullopt;
  const double golden = (std::sqrt(5.0) - 1) / 2;
  double lo = std::log(best->tau_s / step), hi = std::log(best->tau_s * step);
  for (int i = 0; i < kRefinements; ++i) {
    const double a = hi - golden * (hi - lo), b = lo + golden * (hi - lo);
    const auto fa = fit_for(t, y, std::exp(a)), fb = fit_for(t, y, std::exp(b));
    if (better(fa, best)) best = fa;
    if (better(fb, best)) best = fb;
    // Keep the side of the lower error; a side that does not rise counts as worse.
    if (better(fa, fb) || (!fb && !fa)) hi = b;
    else lo = a;
  }
  best->sse_line = fit_line(t, y).sse;
  if (!(best->sse < best->sse_line)) return std::nullopt;
  return best;
}

}  // namespace lh::analysis
