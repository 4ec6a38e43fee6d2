#pragma once

#include <span>

namespace lh::analysis {

// Memory that climbs in steps with flat stretches between (a batch cache
// that keeps a batch every few minutes): each step a jump of the floor far
// beyond its usual bucket-to-bucket change, that stays up. One step is a
// model loaded once; three or more, none given back, and the last not long
// ago, are a leak that a line fits badly.
struct Steps {
  std::size_t up = 0;
  std::size_t down = 0;
  double typical_step = 0;   // median height of the steps up
  double typical_every = 0;  // median time between steps up
  double first_s = 0;        // where the first and the last step up are
  double last_s = 0;
  double before_first = 0;   // the floor just before the first step
};

// On bucket floors sorted by time. `level` sets the smallest step that
// counts (a share of it), beside the floors' own noise. Steps before a long
// climb (a warm-up) are not counted: the stairs start after it.
Steps find_steps(std::span<const double> t, std::span<const double> floors, double level);

}  // namespace lh::analysis
