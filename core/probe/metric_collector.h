#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "probe/metric.h"
#include "probe/source_limits.h"

namespace lh::probe {

// Where the readers of an answer (JSON, Prometheus text) put its numbers:
// the one place the caps of SourceLimits are applied and two numbers given
// the same name are told apart. A reader asks admit() with the name in a
// scratch buffer of its own and builds the Metric only when told yes, so a
// huge answer costs its kept numbers, not its size.
class MetricCollector {
 public:
  // `watch`: the metric the sampler watches (empty: picked from the names);
  // it is kept past max_metrics like any memory level. It must outlive the
  // collector.
  MetricCollector(const SourceLimits& limits, std::string_view watch);

  // Counts a number named `name`; true when it is to be add()ed.
  bool admit(std::string_view name);
  // Numbers the reader left out itself (nested too deep, path too long).
  void left_out(Limit why, std::size_t count = 1);
  // An admitted number. `meaning` as in Metric.
  void add(std::string name, double value, std::optional<SeriesMeaning> meaning = std::nullopt);

  std::size_t kept() const { return metrics_.size(); }
  const SourceLimits& limits() const { return limits_; }

  struct Result {
    // In the order given; a name given again becomes "name#2", "name#3"
    // (its meaning still read from the name it was given).
    std::vector<Metric> metrics;
    std::vector<ReadNote> notes;  // one per limit reached
  };
  Result finish() &&;

 private:
  bool preferred(std::string_view name) const;

  SourceLimits limits_;
  std::string_view watch_;
  std::vector<Metric> metrics_;
  std::size_t seen_ = 0;
  std::size_t general_ = 0;    // admitted under max_metrics
  std::size_t preferred_ = 0;  // admitted past it
  std::array<std::size_t, 6> left_out_{};  // by Limit
};

}  // namespace lh::probe
