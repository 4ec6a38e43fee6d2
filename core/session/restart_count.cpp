#include "session/restart_count.h"

#include <algorithm>

namespace lh::session {

void RestartCount::add(std::span<const Event> events) {
  for (const Event& e : events) {
    if (e.kind == EventKind::restart) most_ = std::max(most_, ++by_source_[e.source]);
  }
}

int count_restarts(std::span<const Event> events) {
  RestartCount restarts;
  restarts.add(events);
  return restarts.count();
}

}  // namespace lh::session
