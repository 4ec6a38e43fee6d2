#include "session/journal_records.h"

#include <array>
#include <cmath>
#include <utility>

#include "common/input_error.h"

namespace lh::analysis {
// Every field by its own name; reading fills in defaults for missing ones.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AnalysisParameters, warmup_s, base_bucket_s, max_buckets,
                                                min_bucket_fill, min_sawtooth_cycles, max_gap_s, gap_intervals,
                                                min_segment_buckets, change_min_gain, warmup_min_gain, max_changes,
                                                min_change_rms, warmup_margin, min_window_s, min_window_buckets, alpha,
                                                acf_alpha, ci_level, min_growth_mib_per_hour,
                                                min_relative_growth_per_hour, min_size_support, late_fraction,
                                                late_min_ratio, restart_fallback, restart_min_rise,
                                                restart_min_rise_after_gap, min_window_floor_s, fast_growth_share,
                                                change_min_z, slowdown_alpha, saturation_min_gain,
                                                saturation_min_taus, min_visible_growth, restart_min_cycle_growth, bend_z, min_visible_growth_mib, max_segments, earlier_alpha,
                                                steady_min_ratio)
// Every field is 8 bytes: a field added to AnalysisParameters changes the
// size, and must be added to the list above, or `report` would analyse a
// recorded session with its default instead of the value it ran with.
static_assert(sizeof(AnalysisParameters) == 39 * 8, "add the new AnalysisParameters field to the journal's list");
}  // namespace lh::analysis

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
  return Event{j["t"].get<double>(), j.value("source", std::string()), *parsed, j.value("detail", std::string())};
}

nlohmann::json to_json(const analysis::AnalysisParameters& params) {
  nlohmann::json j;
  analysis::to_json(j, params);
  return j;
}

analysis::AnalysisParameters analysis_from_json(const nlohmann::json& j) {
  analysis::AnalysisParameters params;
  if (j.is_object()) analysis::from_json(j, params);
  return params;
}

double rounded_ms(double t_s) { return std::round(t_s * 1000.0) / 1000.0; }

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

double number_or_nan(const nlohmann::json& j) { return j.is_number() ? j.get<double>() : std::nan(""); }

}  // namespace lh::session::journal
