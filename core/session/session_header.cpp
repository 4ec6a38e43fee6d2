#include "session/session_header.h"

#include <tuple>

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
  h.with_load = plan.load.has_value();
  h.request_counter = plan.request_counter;
  h.analysis = plan.analysis;
  h.scenario = plan.scenario;
  h.settings = describe_plan(plan);
  h.environment = current_environment();
  return h;
}

namespace {

// The header's plain fields; "type", "started" and "analysis" by hand.
constexpr auto kFields = std::make_tuple(
    json_fields::field("format", &SessionHeader::format), json_fields::field("name", &SessionHeader::name),
    json_fields::field("leakhound", &SessionHeader::leakhound),
    json_fields::field("memory_limit_mib", &SessionHeader::memory_limit_mib),
    json_fields::field("interval_s", &SessionHeader::interval_s), json_fields::field("with_load", &SessionHeader::with_load),
    json_fields::field("request_counter", &SessionHeader::request_counter),
    json_fields::field("scenario", &SessionHeader::scenario),
    json_fields::field("settings", &SessionHeader::settings),
    json_fields::field("environment", &SessionHeader::environment));

}  // namespace

void to_json(nlohmann::json& j, const SessionHeader& h) {
  j = {{"type", h.kType}, {"started", format_iso8601(h.started)}, {"analysis", journal::to_json(h.analysis)}};
  json_fields::write(j, h, kFields);
}

void from_json(const nlohmann::json& j, SessionHeader& h) {
  json_fields::read(j, h, kFields);
  std::string started;
  json_fields::read_key(j, "started", started);
  h.started = parse_iso8601(started);
  if (const auto analysis = j.find("analysis"); analysis != j.end()) h.analysis = journal::analysis_from_json(*analysis);
}

}  // namespace lh::session
