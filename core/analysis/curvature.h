#pragma once

#include <span>

namespace lh::analysis {

// Does growth slow over a short stretch, as a warm-up's does from its first
// seconds on? A parabola through the points, its bend tested against what
// the parabola leaves unexplained (or the jitter from sample to sample, if
// larger). True when the bend is downward beyond `z` standard errors and the
// slope at the end is below `ratio` of the slope at the start.
bool decelerates(std::span<const double> t, std::span<const double> y, double z, double ratio);

}  // namespace lh::analysis
