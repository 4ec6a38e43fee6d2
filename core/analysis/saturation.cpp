#include "analysis/saturation.h"

#include <cmath>

#include "analysis/two_phase.h"

namespace lh::analysis {
namespace {

constexpr std::size_t kTauSteps = 48;        // on a log grid
constexpr double kShortestTau = 1.0 / 50;    // of the window
constexpr double kLongestTau = 5.0;          // of the window: beyond it, a line

}  // namespace

double Saturation::at(double t) const { return plateau - b * std::exp(-(t - t0) / tau_s); }

std::optional<Saturation> fit_saturation(std::span<const double> t, std::span<const double> y) {
  const std::size_t n = std::min(t.size(), y.size());
  if (n < 6) return std::nullopt;
  const double t0 = t[0], width = t[n - 1] - t[0];
  if (!(width > 0)) return std::nullopt;
  const double y0 = y[0];
  std::optional<Saturation> best;
  for (std::size_t k = 0; k < kTauSteps; ++k) {
    const double tau = width * kShortestTau * std::pow(kLongestTau / kShortestTau, double(k) / (kTauSteps - 1));
    // Least squares of y on u = e^(-(t - t0)/tau): y = a + c·u, rising when c < 0.
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
    if (!(var_u > 0)) continue;
    const double cov = suy - su * sy / dn;
    const double c = cov / var_u;
    if (c >= 0) continue;
    const double sse = std::max(0.0, syy - sy * sy / dn - c * cov);
    if (!best || sse < best->sse) best = Saturation{y0 + (sy - c * su) / dn, tau, t0, -c, sse, 0};
  }
  if (!best) return std::nullopt;
  best->sse_line = fit_line(t.first(n), y.first(n)).sse;
  if (!(best->sse < best->sse_line)) return std::nullopt;
  return best;
}

}  // namespace lh::analysis
