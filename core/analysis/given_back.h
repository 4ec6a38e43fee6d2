#pragma once

#include <optional>
#include <span>

namespace lh::analysis {

// Growth that memory gave back. A GC sawtooth's ramp, a cache emptied or a
// process restarted unseen all climb like a leak and then fall back most
// of the way; the climb after the fall is the same thing again, not more
// of a leak. A leak keeps what it took: its floor rises, and each climb
// ends higher than the one before. So after such a fall, growth counts
// only once memory has climbed clearly past where it fell from.
struct GivenBack {
  double at_s = 0;    // where the fall bottomed out
  double from = 0;    // the peak it fell from
  double to = 0;      // the lowest point since
  double share = 0;   // of the growth since the window's start, given back
};

// On a window's bucket floors, sorted by time. A fall counts when it gives
// back at least half of the growth since the window's start, stands out from
// the floors' jitter (4 robust standard deviations of their changes) and
// from `level` (0.5 % of it), and the peak it fell from held for a few
// buckets (a one-bucket spike is not growth). nullopt when memory has since
// climbed half that fall again past the peak, or never gave any back.
std::optional<GivenBack> growth_given_back(std::span<const double> t, std::span<const double> y, double level);

}  // namespace lh::analysis
