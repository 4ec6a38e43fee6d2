#pragma once

#include <cstddef>
#include <span>

#include "chart/time_window.h"

namespace lh::chart {

// One point of a reduced series. A NaN value is a gap marker: the line
// breaks there (its t_s lies where the gap begins).
struct Point {
  double t_s = 0;
  double value = 0;
};

// A column without gaps yields at most its first, minimum, maximum and last
// sample (M4). A column that gaps interrupt yields at most 13 points: the
// run before the first gap (4), a gap marker, the islands between gaps as
// one minimum and maximum (2) between two markers, and the run after the
// last gap (4), plus a marker for a gap that began in an earlier column.
inline constexpr std::size_t kMaxPointsPerGapFreeColumn = 4;
inline constexpr std::size_t kMaxPointsPerColumn = 13;

// Output points reduce_m4 may write for `columns` columns: the columns, the
// sample just outside each edge, and a marker for a gap before the right one.
constexpr std::size_t reduced_capacity(std::size_t columns) { return columns * kMaxPointsPerColumn + 3; }

// The pixel column a time falls in: columns split the window into equal
// widths; the window's end belongs to the last column. Only for times
// inside the window.
std::size_t column_of(double t_s, TimeWindow window, std::size_t columns);

// Reduces a series to what `columns` pixel columns over `window` can show,
// without losing a peak: per column the first, minimum, maximum and last
// sample, in time order (M4). Every column's minimum and maximum appear
// among the output, so spikes survive any zoom level.
//
// `t_s` is non-decreasing (found by binary search, not checked) and as long
// as `values`; a NaN value is a gap, and stays one: the output carries one
// NaN marker between the finite points on either side of every gap. The
// last sample before the window and the first after it are included as
// they are, so lines reach the window's borders.
//
// Costs O(samples in the window) and allocates nothing: the points go into
// `out`, which must hold reduced_capacity(columns) points; the written
// prefix is returned. Throws std::invalid_argument for mismatched spans, an
// empty window or zero columns, std::length_error for a short `out`.
std::span<Point> reduce_m4(std::span<const double> t_s, std::span<const double> values, TimeWindow window,
                           std::size_t columns, std::span<Point> out);

}  // namespace lh::chart
