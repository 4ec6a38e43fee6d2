#include "session/session_header.h"

#include "common/iso_time.h"
#include "common/version.h"
#include "session/environment.h"
#include "session/journal_records.h"
#include "session/plan_settings.h"

namespace lh::session {

nlohmann::json session_header(const SessionPlan& plan, WallClock::time_point started) {
  const auto& limit = plan.probes.memory_limit_mib;
  return {{"type", "session"},
          {"format", journal::kFormat},
          {"name", plan.name},
          {"started", format_iso8601(started)},
          {"leakhound", kVersion},
          {"memory_limit_mib", limit ? nlohmann::json(*limit) : nlohmann::json()},
          {"interval_s", plan.probes.interval.count()},
          {"analysis", journal::to_json(plan.analysis)},
          {"scenario", plan.scenario},
          {"settings", describe_plan(plan)},
          {"environment", to_json(current_environment())}};
}

}  // namespace lh::session
