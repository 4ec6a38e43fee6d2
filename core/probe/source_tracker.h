#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/event.h"
#include "probe/restart_detector.h"
#include "probe/source.h"

namespace lh::probe {

// Turns one source's samples into timeline events: a fault when it begins
// (not again on every tick it lasts, unless its kind changes), a recovery
// when it ends, restarts, and an answer read in part (a limit reached,
// lines skipped) when that begins. A source that stays down, or keeps
// answering too much, makes one event, not one per second.
class SourceTracker {
 public:
  explicit SourceTracker(std::string source) : source_(std::move(source)) {}

  std::vector<Event> update(double t_s, const SourceSample& sample);

  bool failing() const { return fault_.has_value(); }

 private:
  // The source's own watched memory in MiB, for telling a restart by a drop.
  std::optional<double> watched_mib(const std::vector<Metric>& metrics);

  std::string source_;
  std::optional<EventKind> fault_;
  std::string fault_detail_;
  double fault_since_ = 0;
  RestartDetector restarts_;
  std::string watched_name_;  // picked once, again only if it disappears
  std::vector<std::string> noted_;  // the keys of the last good answer's notes
};

}  // namespace lh::probe
