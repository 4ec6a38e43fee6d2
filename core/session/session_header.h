#pragma once

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "session/session_plan.h"

namespace lh::session {

// The journal's first record: what the session is, how it was set up and
// where it ran (docs/SESSIONS.md). `started` is the wall time of t = 0.
nlohmann::json session_header(const SessionPlan& plan, WallClock::time_point started);

}  // namespace lh::session
