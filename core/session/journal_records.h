#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/parameters.h"
#include "common/event.h"
#include "common/series_meaning.h"

// How the journal spells the things it records (docs/SESSIONS.md has the
// whole format). Shared by the writer and the reader, so the two cannot
// drift apart.
namespace lh::session::journal {

inline constexpr int kFormat = 1;
inline constexpr const char* kFileName = "journal.jsonl";

nlohmann::json to_json(const SeriesMeaning& meaning);
// Unknown words read as Unit::none / SeriesKind::other: a newer writer's
// unit must not make an old reader give up on the whole session.
SeriesMeaning meaning_from_json(const nlohmann::json& j);

nlohmann::json to_json(const Event& event);
// Throws InputError for an event without a time or with an unknown kind.
Event event_from_json(const nlohmann::json& j);

nlohmann::json to_json(const analysis::AnalysisParameters& params);
// Missing fields keep their defaults; throws InputError for a field out of
// its range (the journal is a file: it may be damaged or edited).
analysis::AnalysisParameters analysis_from_json(const nlohmann::json& j);

// A time of a record, in seconds on the session clock: a finite number
// within 30 years either way; throws InputError naming `what` otherwise.
double seconds(const nlohmann::json& j, std::string_view what);

// A whole number of a record in [low, high], such as a group or series id;
// throws InputError naming `what` for anything else (a float, a negative
// number, one too large: nlohmann would cast them, undefined).
std::uint64_t whole_number(const nlohmann::json& j, std::string_view what, std::uint64_t low, std::uint64_t high);

// Times in the journal carry milliseconds, as every file LeakHound writes.
double rounded_ms(double t_s);

// NaN (a gap) is null in JSON.
nlohmann::json number_or_null(double v);
double number_or_nan(const nlohmann::json& j);

}  // namespace lh::session::journal
