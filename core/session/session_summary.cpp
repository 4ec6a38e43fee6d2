#include "session/session_summary.h"

#include <tuple>

#include "analysis/verdict_json.h"
#include "analysis/verdict_words.h"
#include "common/iso_time.h"
#include "common/json_fields.h"
#include "session/journal_records.h"

namespace lh::session {
namespace {

using ordered = nlohmann::ordered_json;

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
    h.sentence = analysis::kNoWatchedMemory;
    return h;
  }
  h.series = watched->name;
  h.verdict = std::string(analysis::to_string(watched->verdict.kind));
  h.sentence = analysis::verdict_sentence(watched->name, watched->verdict);
  h.growth_per_1000_requests = watched->verdict.growth_per_1000_requests;
  return h;
}

// Each struct's plain fields, in the file's order; the rest by hand below.
constexpr auto kHeadlineFields =
    std::make_tuple(json_fields::field("series", &Headline::series), json_fields::field("verdict", &Headline::verdict),
                    json_fields::field("sentence", &Headline::sentence));

constexpr auto kRestartFields =
    std::make_tuple(json_fields::field("t_s", &RestartEntry::t_s), json_fields::field("time", &RestartEntry::time),
                    json_fields::field("source", &RestartEntry::source), json_fields::field("detail", &RestartEntry::detail));

constexpr auto kSummaryFields = std::make_tuple(
    json_fields::field("leakhound_session", &SessionSummary::format), json_fields::field("name", &SessionSummary::name),
    json_fields::field("state", &SessionSummary::state), json_fields::field("started", &SessionSummary::started),
    json_fields::field("ended", &SessionSummary::ended), json_fields::field("duration_s", &SessionSummary::duration_s));

ordered headline_json(const Headline& h) {
  ordered j = ordered::object();
  json_fields::write(j, h, kHeadlineFields);
  // Left out, not null, when not known.
  if (h.growth_per_1000_requests) j["growth_per_1000_requests"] = *h.growth_per_1000_requests;
  return j;
}

ordered verdict_json(const VerdictEntry& v) {
  ordered j{{"series", v.series}, {"watched", v.watched}};
  for (const auto& [key, value] : v.verdict.items()) j[key] = value;
  return j;
}

VerdictEntry verdict_from(const ordered& j) {
  VerdictEntry v;
  json_fields::read_key(j, "series", v.series);
  json_fields::read_key(j, "watched", v.watched);
  for (const auto& [key, value] : j.items()) {
    if (key != "series" && key != "watched") v.verdict[key] = value;
  }
  return v;
}

// A JSON object of the other flavour (the scenario, the settings, the load,
// the environment are nlohmann::json; the file keeps their sorted keys).
nlohmann::json plain(const ordered& j) { return nlohmann::json(j); }

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
  j = ordered::object();
  json_fields::write(j, s, kSummaryFields);
  j["headline"] = headline_json(s.headline);
  j["scenario"] = ordered(s.scenario);
  j["settings"] = ordered(s.settings);
  j["load"] = s.load ? ordered(nlohmann::json(*s.load)) : ordered::object();
  j["verdicts"] = ordered::array();
  for (const VerdictEntry& v : s.verdicts) j["verdicts"].push_back(verdict_json(v));
  j["restarts"] = ordered::array();
  for (const RestartEntry& r : s.restarts) {
    ordered entry = ordered::object();
    json_fields::write(entry, r, kRestartFields);
    j["restarts"].push_back(std::move(entry));
  }
  j["environment"] = ordered(nlohmann::json(s.environment));
}

void from_json(const ordered& j, SessionSummary& s) {
  json_fields::read(j, s, kSummaryFields);
  if (const auto h = j.find("headline"); h != j.end()) {
    json_fields::read(*h, s.headline, kHeadlineFields);
    json_fields::read_key(*h, "growth_per_1000_requests", s.headline.growth_per_1000_requests);
  }
  if (const auto scenario = j.find("scenario"); scenario != j.end()) s.scenario = plain(*scenario);
  if (const auto settings = j.find("settings"); settings != j.end()) s.settings = plain(*settings);
  if (const auto load = j.find("load"); load != j.end() && load->is_object() && !load->empty()) {
    s.load = plain(*load).get<load::LoadSummary>();
  }
  if (const auto verdicts = j.find("verdicts"); verdicts != j.end()) {
    for (const auto& v : *verdicts) s.verdicts.push_back(verdict_from(v));
  }
  if (const auto restarts = j.find("restarts"); restarts != j.end()) {
    for (const auto& r : *restarts) json_fields::read(r, s.restarts.emplace_back(), kRestartFields);
  }
  if (const auto env = j.find("environment"); env != j.end()) s.environment = plain(*env).get<Environment>();
}

}  // namespace lh::session
