#include "session/journal_records.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>

#include "common/input_error.h"
#include "common/iso_time.h"
#include "common/json_fields.h"

namespace lh::session::journal {
namespace {

constexpr std::array<std::pair<Unit, const char*>, 9> kUnits{{
    {Unit::none, "none"},
    {Unit::bytes, "bytes"},
    {Unit::kib, "kib"},
    {Unit::mib, "mib"},
    {Unit::gib, "gib"},
    {Unit::percent, "percent"},
    {Unit::seconds, "seconds"},
    {Unit::milliseconds, "milliseconds"},
    {Unit::per_second, "per_second"},
}};

constexpr std::array<std::pair<SeriesKind, const char*>, 5> kKinds{{
    {SeriesKind::memory, "memory"},
    {SeriesKind::cpu, "cpu"},
    {SeriesKind::cache_count, "cache_count"},
    {SeriesKind::status, "status"},
    {SeriesKind::other, "other"},
}};

template <typename Enum, std::size_t N>
const char* word_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [e, word] : table) {
    if (e == value) return word;
  }
  return table.back().second;
}

template <typename Enum, std::size_t N>
Enum value_of(const std::array<std::pair<Enum, const char*>, N>& table, const std::string& word, Enum otherwise) {
  for (const auto& [e, w] : table) {
    if (word == w) return e;
  }
  return otherwise;
}

}  // namespace

nlohmann::json to_json(const SeriesMeaning& meaning) {
  nlohmann::json j{{"unit", word_of(kUnits, meaning.unit)}, {"kind", word_of(kKinds, meaning.kind)}};
  if (meaning.to_mib) j["to_mib"] = *meaning.to_mib;
  return j;
}

SeriesMeaning meaning_from_json(const nlohmann::json& j) {
  SeriesMeaning m;
  m.unit = value_of(kUnits, j.value("unit", std::string()), Unit::none);
  m.kind = value_of(kKinds, j.value("kind", std::string()), SeriesKind::other);
  if (j.contains("to_mib") && j["to_mib"].is_number()) m.to_mib = j["to_mib"].get<double>();
  return m;
}

nlohmann::json to_json(const Event& event) {
  return {{"type", "event"},
          {"t", rounded_ms(event.t_s)},
          {"source", event.source},
          {"kind", std::string(to_string(event.kind))},
          {"detail", event.detail}};
}

Event event_from_json(const nlohmann::json& j) {
  if (!j.contains("t") || !j["t"].is_number()) throw InputError("event without a time");
  const std::string kind = j.value("kind", std::string());
  const auto parsed = parse_event_kind(kind);
  if (!parsed) throw InputError("event of unknown kind \"" + kind + "\"");
  return Event{seconds(j["t"], "t"), j.value("source", std::string()), *parsed, j.value("detail", std::string())};
}

double seconds(const nlohmann::json& j, std::string_view what) {
  constexpr double kMost = 1e9;  // 30 years on the session clock
  if (!j.is_number() || !(std::fabs(j.get<double>()) <= kMost)) {
    throw InputError(std::string(what) + ": expected seconds on the session clock, from -1e9 to 1e9, got " +
                     j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, 40));
  }
  return j.get<double>();
}

std::uint64_t whole_number(const nlohmann::json& j, std::string_view what, std::uint64_t low, std::uint64_t high) {
  // nlohmann converts a float or an out-of-range integer by a plain cast:
  // only a whole number written as one, within range, is taken.
  if (!j.is_number_unsigned() || j.get<std::uint64_t>() < low || j.get<std::uint64_t>() > high) {
    throw InputError(std::string(what) + ": expected a whole number from " + std::to_string(low) + " to " +
                     std::to_string(high) + ", got " + j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, 40));
  }
  return j.get<std::uint64_t>();
}

namespace {

using analysis::AnalysisParameters;

// Every field of AnalysisParameters by its own name, with the range a
// journal may give it (a journal is a file: it may have been edited or
// damaged, and a value past these would make the analysis take hours).
struct RealField {
  const char* name;
  double AnalysisParameters::*member;
  double low, high;
};
struct WholeField {
  const char* name;
  std::size_t AnalysisParameters::*member;
  std::uint64_t low, high;
};

constexpr double kLong = 1e9;  // seconds: 30 years
constexpr std::array<RealField, 35> kReals{{
    {"warmup_s", &AnalysisParameters::warmup_s, 0, kLong},
    {"base_bucket_s", &AnalysisParameters::base_bucket_s, 1e-3, kLong},
    {"min_bucket_fill", &AnalysisParameters::min_bucket_fill, 0, 1},
    {"max_gap_s", &AnalysisParameters::max_gap_s, 0, kLong},
    {"gap_intervals", &AnalysisParameters::gap_intervals, 0, kLong},
    {"change_min_gain", &AnalysisParameters::change_min_gain, 0, 1},
    {"warmup_min_gain", &AnalysisParameters::warmup_min_gain, 0, 1},
    {"min_change_rms", &AnalysisParameters::min_change_rms, 0, kLong},
    {"warmup_margin", &AnalysisParameters::warmup_margin, 0, kLong},
    {"min_window_s", &AnalysisParameters::min_window_s, 0, kLong},
    {"alpha", &AnalysisParameters::alpha, 0, 1},
    {"acf_alpha", &AnalysisParameters::acf_alpha, 0, 1},
    {"ci_level", &AnalysisParameters::ci_level, 0, 1},
    {"min_growth_mib_per_hour", &AnalysisParameters::min_growth_mib_per_hour, 0, kLong},
    {"min_relative_growth_per_hour", &AnalysisParameters::min_relative_growth_per_hour, 0, kLong},
    {"min_size_support", &AnalysisParameters::min_size_support, 0, 1},
    {"late_fraction", &AnalysisParameters::late_fraction, 0, 1},
    {"late_min_ratio", &AnalysisParameters::late_min_ratio, 0, kLong},
    {"restart_fallback", &AnalysisParameters::restart_fallback, 0, 1},
    {"restart_min_rise", &AnalysisParameters::restart_min_rise, 0, kLong},
    {"restart_min_rise_after_gap", &AnalysisParameters::restart_min_rise_after_gap, 0, kLong},
    {"restart_min_cycle_growth", &AnalysisParameters::restart_min_cycle_growth, 0, kLong},
    {"change_min_z", &AnalysisParameters::change_min_z, 0, 100},
    {"min_window_floor_s", &AnalysisParameters::min_window_floor_s, 0, kLong},
    {"fast_growth_share", &AnalysisParameters::fast_growth_share, 0, kLong},
    {"steady_min_ratio", &AnalysisParameters::steady_min_ratio, 0, 1},
    {"bend_z", &AnalysisParameters::bend_z, 0, 100},
    {"bend_exempt_growth", &AnalysisParameters::bend_exempt_growth, 0, kLong},
    {"min_visible_growth", &AnalysisParameters::min_visible_growth, 0, kLong},
    {"min_visible_growth_mib", &AnalysisParameters::min_visible_growth_mib, 0, kLong},
    {"earlier_alpha", &AnalysisParameters::earlier_alpha, 0, 1},
    {"slowdown_alpha", &AnalysisParameters::slowdown_alpha, 0, 1},
    {"saturation_min_gain", &AnalysisParameters::saturation_min_gain, 0, 1},
    {"saturation_min_taus", &AnalysisParameters::saturation_min_taus, 0, kLong},
    {"given_back_keep", &AnalysisParameters::given_back_keep, 0, 1},
}};
constexpr std::array<WholeField, 6> kWholes{{
    {"max_buckets", &AnalysisParameters::max_buckets, 2, 10000},
    {"min_sawtooth_cycles", &AnalysisParameters::min_sawtooth_cycles, 1, 1000000},
    {"min_segment_buckets", &AnalysisParameters::min_segment_buckets, 1, 10000},
    {"max_changes", &AnalysisParameters::max_changes, 0, 100},
    {"min_window_buckets", &AnalysisParameters::min_window_buckets, 1, 10000},
    {"max_segments", &AnalysisParameters::max_segments, 1, 1000000},
}};
// Every field is 8 bytes: a field added to AnalysisParameters changes the
// size, and must be added to the lists above, or `report` would analyse a
// recorded session with its default instead of the value it ran with.
static_assert(sizeof(AnalysisParameters) == (kReals.size() + kWholes.size()) * 8,
              "add the new AnalysisParameters field to the journal's lists");

}  // namespace

nlohmann::json to_json(const analysis::AnalysisParameters& params) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& f : kReals) j[f.name] = params.*f.member;
  for (const auto& f : kWholes) j[f.name] = params.*f.member;
  return j;
}

analysis::AnalysisParameters analysis_from_json(const nlohmann::json& j) {
  analysis::AnalysisParameters params;
  if (!j.is_object()) return params;
  for (const auto& f : kReals) {
    const auto it = j.find(f.name);
    if (it == j.end()) continue;
    if (!it->is_number() || !(it->get<double>() >= f.low && it->get<double>() <= f.high)) {
      throw InputError(std::string("analysis.") + f.name + ": expected a number from " + nlohmann::json(f.low).dump() +
                       " to " + nlohmann::json(f.high).dump() + ", got " +
                       it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, 40));
    }
    params.*f.member = it->get<double>();
  }
  for (const auto& f : kWholes) {
    const auto it = j.find(f.name);
    if (it != j.end()) params.*f.member = whole_number(*it, std::string("analysis.") + f.name, f.low, f.high);
  }
  return params;
}

double rounded_ms(double t_s) { return std::round(t_s * 1000.0) / 1000.0; }

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

double number_or_nan(const nlohmann::json& j) { return j.is_number() ? j.get<double>() : std::nan(""); }

void to_json(nlohmann::json& j, const GroupRecord& r) { j = {{"type", r.kType}, {"id", r.id}, {"name", r.name}}; }

std::uint32_t id(const nlohmann::json& j) { return static_cast<std::uint32_t>(whole_number(j, "an id", 0, UINT32_MAX)); }

void from_json(const nlohmann::json& j, GroupRecord& r) {
  r.id = id(j.at("id"));
  j.at("name").get_to(r.name);
}

void to_json(nlohmann::json& j, const SeriesRecord& r) {
  j = {{"type", r.kType},     {"id", r.id},         {"group", r.group},
       {"name", r.name},      {"source", r.source}, {"metric", r.metric},
       {"meaning", to_json(r.meaning)}};
}

void from_json(const nlohmann::json& j, SeriesRecord& r) {
  r.id = id(j.at("id"));
  r.group = id(j.at("group"));
  j.at("name").get_to(r.name);
  json_fields::read_key(j, "source", r.source);
  json_fields::read_key(j, "metric", r.metric);
  if (const auto meaning = j.find("meaning"); meaning != j.end()) r.meaning = meaning_from_json(*meaning);
}

void to_json(nlohmann::json& j, const WatchedRecord& r) { j = {{"type", r.kType}, {"series", r.series}}; }

void from_json(const nlohmann::json& j, WatchedRecord& r) { r.series = id(j.at("series")); }

void to_json(nlohmann::json& j, const LoadRecord& r) { j = {{"type", r.kType}, {"t", r.t}, {"summary", r.summary}}; }

void from_json(const nlohmann::json& j, LoadRecord& r) {
  if (const auto t = j.find("t"); t != j.end()) r.t = seconds(*t, "t");
  j.at("summary").get_to(r.summary);
}

void to_json(nlohmann::json& j, const EndRecord& r) {
  j = {{"type", r.kType}, {"state", r.state}};
  if (r.t) j["t"] = *r.t;
  if (r.ended) j["ended"] = format_iso8601(*r.ended);
}

void from_json(const nlohmann::json& j, EndRecord& r) {
  if (const auto t = j.find("t"); t != j.end()) r.t = seconds(*t, "t");
  json_fields::read_key(j, "state", r.state);
  if (const auto ended = j.find("ended"); ended != j.end()) r.ended = parse_iso8601(ended->get<std::string>());
}

}  // namespace lh::session::journal
