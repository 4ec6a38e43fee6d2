#pragma once

#include <string>

#include "session/session_plan.h"

namespace lh::scenario {

// A resolved plan in one line, for `validate` and the start of a run:
// "2 requests, 8 connections for 10m; 3 probes every 1s, watching memory.rss_mb".
std::string summarize(const session::SessionPlan& plan);

}  // namespace lh::scenario
