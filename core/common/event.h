#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lh {

// What happened on a session's timeline besides samples: restarts of the
// watched service, probe faults and their recovery, load stage changes.
// Restarts are events, not errors: a service that restarts every 50
// conversions is behaving as designed.
enum class EventKind {
  restart,       // a new pid/start time, or uptime went backwards
  unreachable,   // a source stopped answering (refused, timeout, reset)
  recovered,     // a source answers again after being unreachable or bad
  bad_response,  // a source answered with an error status or an unreadable body
  stage,         // the load moved to another stage
  partial,       // a source's answer was read in part: a limit reached, lines skipped
};

struct Event {
  double t_s = 0;      // seconds on the session clock
  std::string source;  // probe source or "load"
  EventKind kind = EventKind::restart;
  std::string detail;  // one line, for people
};

std::string_view to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view name);

}  // namespace lh
