#pragma once

#include <span>
#include <vector>

#include "chart/reduce.h"

namespace lh::chart::test {

struct Series {
  std::vector<double> t;
  std::vector<double> v;
};

std::size_t count_gap_markers(std::span<const Point> points);

// Checks, by brute force over every sample, what reduce_m4 promises: each
// output point is a real sample, in time order; each column's first, last,
// minimum and maximum finite sample appear; gap-free columns yield at most
// four points; the samples just outside the window are there; and a gap
// marker sits exactly where the input has a gap between two output points,
// except that islands between gaps inside one column may be joined.
void require_faithful_reduction(const Series& input, TimeWindow window, std::size_t columns,
                                std::span<const Point> out);

}  // namespace lh::chart::test
