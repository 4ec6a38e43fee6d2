#pragma once

#include <span>
#include <vector>

#include "analysis/pairwise_slopes.h"

namespace lh::analysis {

// Growth read as a random walk with drift, the way request-driven leaks
// grow: in bursts, at a rate that wanders with the load and the collector.
// Each window is cut into blocks of equal length, and each block's growth
// (its last floor minus the last floor of the block before) is one draw of
// the rate. The drift is the mean rate, and its uncertainty comes from the
// spread of the blocks' rates: a floor that climbs all along in uneven
// bursts is a clear trend here, where a trend test that takes the wandering
// for autocorrelated noise around a line is not sure of it. Blocks absorb
// autocorrelation within them; Student's t allows for their few number.
struct BlockRate {
  double t_mid = 0;    // middle of the block
  double seconds = 0;  // its length
  double rate = 0;     // growth per second
  std::size_t run = 0;
};

struct Drift {
  double slope = 0;  // per second
  double se = 0;     // standard error of the slope (infinite with fewer than 3 blocks)
  double df = 0;     // degrees of freedom of `se`
  double low = 0;    // interval at the level asked for
  double high = 0;
  double p_increasing = 1;  // one-sided t-test of a positive drift
  // Does the rate itself fall over the window (a warm-up's tail), beyond
  // what its wandering explains? The pooled slope of block rates over time,
  // per second per second, and the one-sided p of it being negative.
  double rate_trend = 0;
  double p_rate_falling = 1;
  std::vector<BlockRate> blocks;
};

Drift drift_by_blocks(std::span<const Run> runs, double ci_level);

}  // namespace lh::analysis
