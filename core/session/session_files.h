#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "session/session_data.h"

namespace lh::session {

// The files of a session folder, written from SessionData: the same after
// a run and after `report` on its journal (docs/SESSIONS.md has every
// column and key).

// samples.csv: the monitor CSV layout (t_s, time, one column per probe series).
void write_samples_csv(const SessionData& data, std::ostream& out);
// events.csv: the monitor events layout (t_s,time,source,kind,detail):
// restarts, probe faults and recoveries, and the load's stage changes.
void write_events_csv(const SessionData& data, std::ostream& out);
// requests.csv: per second of load: t_s (the second's end), time,
// requests, errors, p50_ms, p99_ms, in_flight, target.
void write_requests_csv(const SessionData& data, std::ostream& out);
// summary.json: the scenario (redacted), the resolved settings, "load" (the
// bench JSON fields), "verdicts" (analyze's JSON fields plus "series" and
// "watched"), the headline and the environment.
nlohmann::ordered_json summary_json(const SessionData& data);

inline constexpr const char* kSamplesCsv = "samples.csv";
inline constexpr const char* kEventsCsv = "events.csv";
inline constexpr const char* kRequestsCsv = "requests.csv";
inline constexpr const char* kSummaryJson = "summary.json";
inline constexpr const char* kReportPdf = "report.pdf";

// Writes the four into `folder`, each through lh::write_file_atomically (a
// temporary file flushed to disk and renamed into place, so a reader, a
// crash or a full disk never leaves half of one), and returns their paths.
// Throws lh::WriteError naming the file and the system's reason.
std::vector<std::filesystem::path> write_session_files(const SessionData& data, const std::filesystem::path& folder);

}  // namespace lh::session
