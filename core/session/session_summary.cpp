#include "session/session_summary.h"

#include "analysis/verdict_json.h"
#include "common/iso_time.h"
#include "common/json_fields.h"
#include "session/journal_records.h"
#include "session/verdict_sentence.h"

namespace lh::session {
namespace {

using ordered = nlohmann::ordered_json;
using json_fields::read;
using json_fields::read_optional;

std::vector<RestartEntry> restarts_of(const SessionData& data) {
  std::vector<RestartEntry> out;
  for (const Event& e : data.events()) {
    if (e.kind != EventKind::restart) continue;
    out.push_back({journal::rounded_ms(e.t_s), format_iso8601(data.clock.wall_at(e.t_s)), e.source, e.detail});
  }
  return out;
}

Headline headline_of(const SessionData& data) {
  Headline h;
  const SeriesVerdict* watched = data.watched();
  if (!watched) {
    h.sentence = kNoWatchedMemory;
    return h;
  }
  h.series = watched->name;
  h.verdict = std::string(analysis::to_string(watched->verdict.kind));
  h.sentence = verdict_sentence(*watched);
  h.growth_per_1000_requests = watched->verdict.growth_per_1000_requests;
  return h;
}

ordered headline_json(const Headline& h) {
  ordered j{{"series", json_fields::optional<ordered>(h.series)},
            {"verdict", json_fields::optional<ordered>(h.verdict)},
            {"sentence", h.sentence}};
  if (h.growth_per_1000_requests) j["growth_per_1000_requests"] = *h.growth_per_1000_requests;
  return j;
}

Headline headline_from(const ordered& j) {
  Headline h;
  read_optional(j, "series", h.series);
  read_optional(j, "verdict", h.verdict);
  read(j, "sentence", h.sentence);
  read_optional(j, "growth_per_1000_requests", h.growth_per_1000_requests);
  return h;
}

ordered verdict_json(const VerdictEntry& v) {
  ordered j{{"series", v.series}, {"watched", v.watched}};
  for (const auto& [key, value] : v.verdict.items()) j[key] = value;
  return j;
}

VerdictEntry verdict_from(const ordered& j) {
  VerdictEntry v;
  read(j, "series", v.series);
  read(j, "watched", v.watched);
  for (const auto& [key, value] : j.items()) {
    if (key != "series" && key != "watched") v.verdict[key] = value;
  }
  return v;
}

ordered restart_json(const RestartEntry& r) {
  return {{"t_s", r.t_s}, {"time", r.time}, {"source", r.source}, {"detail", r.detail}};
}

RestartEntry restart_from(const ordered& j) {
  RestartEntry r;
  read(j, "t_s", r.t_s);
  read(j, "time", r.time);
  read(j, "source", r.source);
  read(j, "detail", r.detail);
  return r;
}

}  // namespace

SessionSummary summarize(const SessionData& data) {
  SessionSummary s;
  s.name = data.name;
  s.state = data.state;
  s.started = format_iso8601(data.started());
  if (data.ended) s.ended = format_iso8601(*data.ended);
  s.duration_s = journal::rounded_ms(data.end_s);
  s.headline = headline_of(data);
  s.scenario = data.scenario;
  s.settings = data.settings;
  s.load = data.load;
  for (const SeriesVerdict& v : data.verdicts) s.verdicts.push_back({v.name, v.watched, analysis::to_json(v.verdict)});
  s.restarts = restarts_of(data);
  s.environment = data.environment;
  return s;
}

void to_json(ordered& j, const SessionSummary& s) {
  ordered verdicts = ordered::array();
  for (const VerdictEntry& v : s.verdicts) verdicts.push_back(verdict_json(v));
  ordered restarts = ordered::array();
  for (const RestartEntry& r : s.restarts) restarts.push_back(restart_json(r));
  // The nested objects keep the key order they have always had in the
  // file: alphabetical, as nlohmann::json sorts them.
  j = ordered{
      {"leakhound_session", s.format},
      {"name", s.name},
      {"state", s.state},
      {"started", s.started},
      {"ended", json_fields::optional<ordered>(s.ended)},
      {"duration_s", s.duration_s},
      {"headline", headline_json(s.headline)},
      {"scenario", ordered(s.scenario)},
      {"settings", ordered(s.settings)},
      {"load", s.load ? ordered(nlohmann::json(*s.load)) : ordered::object()},
      {"verdicts", verdicts},
      {"restarts", restarts},
      {"environment", ordered(nlohmann::json(s.environment))},
  };
}

void from_json(const ordered& j, SessionSummary& s) {
  read(j, "leakhound_session", s.format);
  read(j, "name", s.name);
  read(j, "state", s.state);
  read(j, "started", s.started);
  read_optional(j, "ended", s.ended);
  read(j, "duration_s", s.duration_s);
  if (const auto h = j.find("headline"); h != j.end()) s.headline = headline_from(*h);
  if (const auto scenario = j.find("scenario"); scenario != j.end()) s.scenario = nlohmann::json(*scenario);
  if (const auto settings = j.find("settings"); settings != j.end()) s.settings = nlohmann::json(*settings);
  if (const auto load = j.find("load"); load != j.end() && load->is_object() && !load->empty()) {
    s.load = nlohmann::json(*load).get<load::LoadSummary>();
  }
  if (const auto verdicts = j.find("verdicts"); verdicts != j.end()) {
    for (const auto& v : *verdicts) s.verdicts.push_back(verdict_from(v));
  }
  if (const auto restarts = j.find("restarts"); restarts != j.end()) {
    for (const auto& r : *restarts) s.restarts.push_back(restart_from(r));
  }
  if (const auto env = j.find("environment"); env != j.end()) s.environment = nlohmann::json(*env).get<Environment>();
}

}  // namespace lh::session
