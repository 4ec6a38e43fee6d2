#pragma once

#include <span>

#include "chart/time_window.h"

namespace lh::chart {

// The spacing of a time axis' ticks: the smallest step people count in
// (1, 2, 5, 10, 15, 30 seconds; the same in minutes; 1, 2, 3, 6, 12 hours;
// whole days) that puts at most `max_ticks` ticks on `span_s` seconds.
double time_tick_step(double span_s, int max_ticks);

// Writes the ticks of `window` (multiples of `step_s` inside it) into
// `out`, as many as fit; returns how many were written.
std::size_t ticks_in(TimeWindow window, double step_s, std::span<double> out);

// A value axis' range widened to whole ticks of a round step (1, 2, 2.5 or
// 5 times a power of ten), with at most `max_ticks` intervals (two at
// least: ticks are multiples of the step, and a range may straddle zero).
struct NiceScale {
  double min = 0;
  double max = 1;
  double step = 0.2;
  int decimals = 1;  // digits after the point that tell ticks apart
};

// An empty or single-valued range still gets a readable scale around it;
// non-finite input yields the default 0…1.
NiceScale nice_scale(double min, double max, int max_ticks);

}  // namespace lh::chart
