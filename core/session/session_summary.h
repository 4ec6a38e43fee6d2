#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "load/load_summary.h"
#include "session/environment.h"
#include "session/session_data.h"

namespace lh::session {

// A session's summary.json, field by field (docs/SESSIONS.md): written by
// write_session_files() and read by whoever reads the file back, both
// through the mapping below.

// The watched memory's verdict in one sentence.
struct Headline {
  std::optional<std::string> series;   // null without a watched memory
  std::optional<std::string> verdict;  // "leak", "no_leak", "inconclusive"; null without one
  std::string sentence;
  std::optional<double> growth_per_1000_requests;  // left out when not known
};

// One analysed series' verdict: its name and whether it is the watched
// memory, then the verdict's own fields exactly as analysis::to_json(Verdict)
// writes them (`leakhound-cli analyze --json`'s; the analysis owns them).
struct VerdictEntry {
  std::string series;
  bool watched = false;
  nlohmann::ordered_json verdict = nlohmann::ordered_json::object();
};

struct RestartEntry {
  double t_s = 0;
  std::string time;  // ISO-8601
  std::string source;
  std::string detail;
};

struct SessionSummary {
  static constexpr int kFormat = 1;  // "leakhound_session"
  int format = kFormat;
  std::string name;
  std::string state;    // as SessionData::state
  std::string started;  // ISO-8601
  std::optional<std::string> ended;  // null when killed
  double duration_s = 0;
  Headline headline;
  nlohmann::json scenario = nlohmann::json::object();  // secrets redacted
  nlohmann::json settings = nlohmann::json::object();  // the resolved plan
  std::optional<load::LoadSummary> load;  // {} when no load ran
  std::vector<VerdictEntry> verdicts;     // the watched memory first
  std::vector<RestartEntry> restarts;
  Environment environment;
};

SessionSummary summarize(const SessionData& data);

// Keys in the file's order. from_json throws nlohmann::json::exception on
// a field of the wrong type; missing fields keep their defaults.
void to_json(nlohmann::ordered_json& j, const SessionSummary& summary);
void from_json(const nlohmann::ordered_json& j, SessionSummary& summary);

}  // namespace lh::session
