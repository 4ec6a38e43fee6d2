#pragma once

#include <optional>
#include <span>
#include <vector>

#include "analysis/parameters.h"

namespace lh::analysis {

enum class ChangeKind {
  slowdown,  // growth slowed or stopped: a warm-up, a cache that filled
  speedup,   // growth started or quickened: a leak that starts late
  step,      // the level jumped: a model or a buffer allocated once
};

struct Change {
  double t_s = 0;            // where the change is
  double excluded_to_s = 0;  // where the window starts after it (later for a warm-up's tail)
  ChangeKind kind = ChangeKind::slowdown;
  double slope_before = 0;  // per second
  double slope_after = 0;
  double jump = 0;  // level difference at the change
};

// Where a segment's analysed part (its window) starts, and the changes of
// regime that put it there. The verdict is about how memory behaves now, so
// each change that a two-phase fit finds (removing at least
// change_min_gain of a single line's squared error) moves the start to it,
// as long as enough remains after it; a change too close to the end to
// leave enough is reported in `too_late` instead.
struct Window {
  std::size_t start = 0;  // index of the first point in the window
  std::vector<Change> changes;
  std::optional<Change> too_late;
};

Window find_window(std::span<const double> t, std::span<const double> y, const AnalysisParameters& params);

}  // namespace lh::analysis
