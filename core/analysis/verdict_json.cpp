#include "analysis/verdict_json.h"

#include <cmath>

#include "analysis/verdict_words.h"

namespace lh::analysis {
namespace {

nlohmann::ordered_json number(double v, bool known = true) {
  return known && std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
}

}  // namespace

nlohmann::ordered_json to_json(const Verdict& v) {
  const bool est = v.has_estimate;
  return nlohmann::ordered_json{
      {"verdict", std::string(to_string(v.kind))},
      {"confidence", v.confidence},
      {"slope_per_hour", number(v.slope_per_hour, est)},
      {"slope_ci", nlohmann::ordered_json::array({number(v.slope_ci_low, est), number(v.slope_ci_high, est)})},
      {"unit", v.unit},
      {"growth", number(v.growth, est)},
      {"window_s", nlohmann::ordered_json::array({number(v.window_from_s, est), number(v.window_to_s, est)})},
      {"restarts", v.restarts},
      {"time_to_limit_h", v.time_to_limit_h ? number(*v.time_to_limit_h) : nlohmann::ordered_json()},
      {"reasons", reason_lines(v)},
  };
}

}  // namespace lh::analysis
