#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "analysis/parameters.h"
#include "common/clock.h"
#include "session/environment.h"
#include "session/session_plan.h"

namespace lh::session {

// The journal's first record: what the session is, how it was set up and
// where it ran (docs/SESSIONS.md). SessionRunner writes it and
// load_session() reads it, both through the mapping below.
struct SessionHeader {
  static constexpr const char* kType = "session";
  int format = 0;  // journal::kFormat of the LeakHound that wrote it
  std::string name;
  WallClock::time_point started;  // the wall time of t = 0
  std::string leakhound;          // its version
  std::optional<double> memory_limit_mib;
  double interval_s = 1;  // the probes'
  // false: the session only watched (no load group, no load records).
  // Journals from before sessions without load always had one.
  bool with_load = true;
  std::string request_counter;  // SessionPlan::request_counter; empty: the load's count
  analysis::AnalysisParameters analysis;
  nlohmann::json scenario = nlohmann::json::object();  // as its file said, secrets redacted
  nlohmann::json settings = nlohmann::json::object();  // the resolved plan (describe_plan)
  Environment environment;
};

// The header of a session of `plan` starting now, at wall time `started`,
// on this machine.
SessionHeader session_header(const SessionPlan& plan, WallClock::time_point started);

void to_json(nlohmann::json& j, const SessionHeader& header);
// Missing keys keep their defaults; "started" must be an ISO-8601 time
// (InputError otherwise). Checking "type" and "format" is the reader's.
void from_json(const nlohmann::json& j, SessionHeader& header);

}  // namespace lh::session
