#include "session/session_header.h"

#include "common/iso_time.h"
#include "common/json_fields.h"
#include "common/version.h"
#include "session/journal_records.h"
#include "session/plan_settings.h"

namespace lh::session {

SessionHeader session_header(const SessionPlan& plan, WallClock::time_point started) {
  SessionHeader h;
  h.format = journal::kFormat;
  h.name = plan.name;
  h.started = started;
  h.leakhound = kVersion;
  h.memory_limit_mib = plan.probes.memory_limit_mib;
  h.interval_s = plan.probes.interval.count();
  h.analysis = plan.analysis;
  h.scenario = plan.scenario;
  h.settings = describe_plan(plan);
  h.environment = current_environment();
  return h;
}

void to_json(nlohmann::json& j, const SessionHeader& h) {
  j = {{"type", h.kType},
       {"format", h.format},
       {"name", h.name},
       {"started", format_iso8601(h.started)},
       {"leakhound", h.leakhound},
       {"memory_limit_mib", json_fields::optional<nlohmann::json>(h.memory_limit_mib)},
       {"interval_s", h.interval_s},
       {"analysis", journal::to_json(h.analysis)},
       {"scenario", h.scenario},
       {"settings", h.settings},
       {"environment", h.environment}};
}

void from_json(const nlohmann::json& j, SessionHeader& h) {
  using json_fields::read;
  read(j, "format", h.format);
  read(j, "name", h.name);
  std::string started;
  read(j, "started", started);
  h.started = parse_iso8601(started);
  read(j, "leakhound", h.leakhound);
  json_fields::read_optional(j, "memory_limit_mib", h.memory_limit_mib);
  read(j, "interval_s", h.interval_s);
  if (const auto analysis = j.find("analysis"); analysis != j.end()) h.analysis = journal::analysis_from_json(*analysis);
  read(j, "scenario", h.scenario);
  read(j, "settings", h.settings);
  read(j, "environment", h.environment);
}

}  // namespace lh::session
