#pragma once

#include <span>

namespace lh::analysis {

// Does growth slow over a short stretch, as a warm-up's does from its first
// seconds on? A parabola through the points, its bend tested against the
// noise read off second differences (the jitter from sample to sample,
// which a smooth bend does not inflate the way it inflates a line's
// residuals). True when the bend is downward beyond `z` standard errors and
// the slope at the end is below `ratio` of the slope at the start.
bool decelerates(std::span<const double> t, std::span<const double> y, double z, double ratio);

}  // namespace lh::analysis
