#include "analysis/regimes.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/drift.h"
#include "analysis/two_phase.h"

namespace lh::analysis {
namespace {

Change describe(const TwoPhaseFit& fit, std::span<const double> t) {
  Change c;
  const double at = t[fit.split];
  c.t_s = at;
  c.excluded_to_s = at;
  c.slope_before = fit.left.slope;
  c.slope_after = fit.right.slope;
  c.jump = fit.right.at(at) - fit.left.at(at);
  // A jump larger than what either side grows over its length is a step.
  const double grew_before = std::fabs(fit.left.slope * (at - t.front()));
  const double grows_after = std::fabs(fit.right.slope * (t.back() - at));
  if (std::fabs(c.jump) > std::max(grew_before, grows_after)) {
    c.kind = ChangeKind::step;
  } else {
    c.kind = fit.right.slope < fit.left.slope ? ChangeKind::slowdown : ChangeKind::speedup;
  }
  return c;
}

// How many standard errors apart the rates either side of a split are, read
// as uneven bursts: a random walk with drift has slow and fast stretches
// that a two-phase fit takes for changes, which this does not.
double rate_change_z(std::span<const double> t, std::span<const double> y, std::size_t split) {
  const Run left[] = {{t.first(split), y.first(split)}};
  const Run right[] = {{t.subspan(split), y.subspan(split)}};
  const Drift a = drift_by_blocks(left, 0.95), b = drift_by_blocks(right, 0.95);
  const double se = std::sqrt(a.se * a.se + b.se * b.se);
  if (!std::isfinite(se)) return 0;
  return se > 0 ? std::fabs(b.slope - a.slope) / se : std::numeric_limits<double>::infinity();
}

}  // namespace

Window find_window(std::span<const double> t, std::span<const double> y, const AnalysisParameters& params) {
  Window w;
  for (std::size_t round = 0; round < params.max_changes; ++round) {
    const auto rest_t = t.subspan(w.start);
    const auto rest_y = y.subspan(w.start);
    const std::size_t min_side = std::max<std::size_t>(3, rest_t.size() / 10);
    const auto fit = best_two_phase(rest_t, rest_y, min_side);
    if (!fit) break;
    // A change that explains next to nothing (residuals of one line already
    // under min_change_rms of the level: quantized, near-constant memory)
    // is no change.
    double mean = 0;
    for (double v : rest_y) mean += v / static_cast<double>(rest_y.size());
    if (std::sqrt(fit->sse_line / static_cast<double>(rest_y.size())) < params.min_change_rms * std::fabs(mean)) break;
    const Change change = describe(*fit, rest_t);
    // A segment is expected to start with a warm-up (growth that slows, or
    // a jump up) in its first half: that shape needs less evidence.
    // A warm-up ends in a marked slowdown (to half its pace or less): a
    // milder one is the pace wandering, and must pass the test below.
    const bool warmup_shape =
        round == 0 && rest_t[fit->split] - t.front() < (t.back() - t.front()) / 2 &&
        ((change.kind == ChangeKind::slowdown && change.slope_after < 0.5 * change.slope_before) ||
         (change.kind == ChangeKind::step && change.jump > 0));
    if (fit->gain() < (warmup_shape ? params.warmup_min_gain : params.change_min_gain)) break;
    // A change of pace is a change of half or more: a line that bends a
    // little where a gap or a quantum step sits is the same growth.
    if (change.kind != ChangeKind::step &&
        std::fabs(change.slope_after - change.slope_before) <
            0.5 * std::max(std::fabs(change.slope_before), std::fabs(change.slope_after)))
      break;
    // Memory given back (a collection, a cache emptied) starts no new
    // regime: the growth after a drop is the same growth, seen from low.
    if (change.kind == ChangeKind::step && change.jump < 0) break;
    // A slowdown later on must stand out from the pace's own wandering: a
    // random walk's slow stretch would otherwise cut a leak's window short.
    if (!warmup_shape && change.kind == ChangeKind::slowdown &&
        rate_change_z(rest_t, rest_y, fit->split) < params.change_min_z)
      break;
    // Enough must remain after the change: a full window, or in a short
    // segment (between frequent restarts) at least its later half.
    const std::size_t left_after = rest_t.size() - fit->split;
    const double seconds_after = rest_t.back() - rest_t[fit->split];
    const double whole_s = t.back() - t.front();
    const std::size_t need_points = std::min(params.min_window_buckets, std::max<std::size_t>(3, t.size() / 2));
    const double need_s = std::min(params.min_window_s, whole_s / 2);
    if (left_after < need_points || seconds_after < need_s) {
      w.too_late = change;
      break;
    }
    w.changes.push_back(change);
    std::size_t start = w.start + fit->split;
    if (warmup_shape) {
      // Skip the warm-up's tail too, if what is left stays long enough.
      const double until = change.t_s + params.warmup_margin * (change.t_s - t[w.start]);
      std::size_t later = start;
      while (later < t.size() && t[later] < until) ++later;
      if (t.size() - later >= need_points && t.back() - t[std::min(later, t.size() - 1)] >= need_s) {
        start = later;
        w.changes.back().excluded_to_s = t[later];
      }
    }
    w.start = start;
  }
  return w;
}

}  // namespace lh::analysis
