#pragma once

#include <map>
#include <span>
#include <string>

#include "common/event.h"

namespace lh::session {

// The service's restarts. Every probe of a service sees each of its
// restarts (its /health and its port: both record one), so the count is
// that of the source that saw the most, not the sum over sources.
class RestartCount {
 public:
  void add(std::span<const Event> events);
  int count() const { return most_; }

 private:
  std::map<std::string, int> by_source_;
  int most_ = 0;
};

// RestartCount over a whole list of events.
int count_restarts(std::span<const Event> events);

}  // namespace lh::session
