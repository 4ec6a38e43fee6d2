#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/parameters.h"
#include "common/clock.h"
#include "common/event.h"
#include "common/series_meaning.h"
#include "load/load_summary.h"

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

// The id of a group or series, as records give it (whole_number() up to
// UINT32_MAX).
std::uint32_t id(const nlohmann::json& j);

// Times in the journal carry milliseconds, as every file LeakHound writes.
double rounded_ms(double t_s);

// NaN (a gap) is null in JSON.
nlohmann::json number_or_null(double v);
double number_or_nan(const nlohmann::json& j);

// The records the journal holds besides its header (session_header.h),
// events (above) and rows, one struct each: the writer (SessionRunner,
// StoreJournal) and the reader (load_session) both go through these
// mappings. to_json writes the record's "type" too; from_json throws
// nlohmann::json::exception when a field it needs is missing or of the
// wrong type, and InputError for an id or a time out of range
// (whole_number(), seconds()).
struct GroupRecord {
  static constexpr const char* kType = "group";
  std::uint32_t id = 0;
  std::string name;
};
struct SeriesRecord {
  static constexpr const char* kType = "series";
  std::uint32_t id = 0;
  std::uint32_t group = 0;
  std::string name;
  std::string source;  // may be missing: ""
  std::string metric;  // may be missing: ""
  SeriesMeaning meaning;
};
// The series the verdict is about.
struct WatchedRecord {
  static constexpr const char* kType = "watched";
  std::uint32_t series = 0;
};
// The load's totals so far: at most once a second while they change, and
// at the end.
struct LoadRecord {
  static constexpr const char* kType = "load";
  double t = 0;
  load::LoadSummary summary;
};
// How the session ended; a journal without one was killed.
struct EndRecord {
  static constexpr const char* kType = "end";
  std::optional<double> t;      // missing: the last time recorded before it
  std::string state = "finished";
  std::optional<WallClock::time_point> ended;  // the wall time
};

void to_json(nlohmann::json& j, const GroupRecord& r);
void from_json(const nlohmann::json& j, GroupRecord& r);
void to_json(nlohmann::json& j, const SeriesRecord& r);
void from_json(const nlohmann::json& j, SeriesRecord& r);
void to_json(nlohmann::json& j, const WatchedRecord& r);
void from_json(const nlohmann::json& j, WatchedRecord& r);
void to_json(nlohmann::json& j, const LoadRecord& r);
void from_json(const nlohmann::json& j, LoadRecord& r);
void to_json(nlohmann::json& j, const EndRecord& r);
void from_json(const nlohmann::json& j, EndRecord& r);

}  // namespace lh::session::journal
