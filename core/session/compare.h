#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/verdict.h"
#include "session/session_data.h"

namespace lh::session {

// Before and after: two sessions' watched memory side by side, on one
// axis of elapsed time or of completed requests (runs at different rates
// compare fairly by requests).
enum class CompareBy { time, requests };
std::string_view to_string(CompareBy by);
// "time" or "requests"; throws InputError otherwise.
CompareBy parse_compare_by(std::string_view text);

struct ComparedRun {
  std::filesystem::path folder;
  std::string name;    // the session's
  std::string series;  // its watched memory
  analysis::VerdictKind verdict = analysis::VerdictKind::inconclusive;
  // In MiB when the series is in a byte unit, else in its own unit.
  std::string unit;
  std::optional<double> slope_per_hour;  // nullopt: too little data for a slope
  std::optional<double> slope_ci_low, slope_ci_high;
  std::optional<double> growth_per_1000_requests;
  double requests = 0;  // completed
  double duration_s = 0;
  // The overlay: x in seconds since the session began, or in completed
  // requests; values in `unit`, NaN for gaps.
  std::vector<double> x;
  std::vector<double> values;
};

struct Comparison {
  CompareBy by = CompareBy::time;
  ComparedRun a, b;
  std::optional<double> slope_change;  // b's slope / a's − 1 (a's slope above zero)
  std::optional<double> growth_per_1000_change;
  std::string sentence;  // the change in one sentence
};

// Throws InputError when a session has no watched memory, or when the two
// are in units that do not compare (bytes against a count).
Comparison compare_sessions(const SessionData& a, const SessionData& b, CompareBy by);

nlohmann::ordered_json to_json(const Comparison& comparison);

}  // namespace lh::session
