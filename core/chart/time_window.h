#pragma once

namespace lh::chart {

// A stretch of the session timeline, [begin_s, end_s] in seconds on the
// session clock. Charts show one; reductions are computed for one.
struct TimeWindow {
  double begin_s = 0;
  double end_s = 60;

  double span() const { return end_s - begin_s; }
  bool contains(double t_s) const { return t_s >= begin_s && t_s <= end_s; }
  bool operator==(const TimeWindow&) const = default;
};

}  // namespace lh::chart
