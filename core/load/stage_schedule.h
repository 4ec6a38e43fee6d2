#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "load/load_plan.h"

namespace lh::load {

// What a staged run aims at over its active time t (seconds since the load
// started, pauses excluded): the concurrency in the closed model, the
// arrival rate in the open one. Without stages the value is constant; after
// the last stage it holds the last target.
class StageSchedule {
 public:
  StageSchedule(double start_value, std::vector<Stage> stages);

  double value_at(double t) const;
  // The stage running at t (0-based), or stages().size() once they are over.
  std::size_t stage_at(double t) const;
  // When stage `index` begins; end_s() for index == stages().size().
  double stage_start_s(std::size_t index) const { return starts_[index]; }
  double end_s() const { return starts_.back(); }
  const std::vector<Stage>& stages() const { return stages_; }

  // For a rate: how many arrivals are due by t (the integral of the rate),
  // and its inverse, when arrival number n (0-based, fractional allowed) is
  // due: +infinity when the rate never gets there.
  double arrivals_by(double t) const;
  double time_of_arrival(double n) const;

  // "stage 2/3: 50 → 200 over 30s", for the stage event.
  std::string describe(std::size_t index, const char* unit) const;

 private:
  double from_value(std::size_t index) const { return index == 0 ? start_value_ : stages_[index - 1].target; }

  double start_value_;
  std::vector<Stage> stages_;
  std::vector<double> starts_;    // start time of each stage, then the end
  std::vector<double> arrivals_;  // arrivals due at each start, then at the end
};

}  // namespace lh::load
