#pragma once

#include <nlohmann/json.hpp>

#include "analysis/verdict.h"

namespace lh::analysis {

// The verdict as `leakhound-cli analyze --json` prints it and a session's
// summary.json embeds it: {"verdict", "confidence", "slope_per_hour",
// "slope_ci": [lo, hi], "unit", "growth", "window_s": [from, to],
// "restarts", "time_to_limit_h" (null unless a limit was given and the
// verdict is leak), "reasons": [...]}. Numbers that cannot be estimated
// (and infinite interval bounds) are null. Keys keep the order.
nlohmann::ordered_json to_json(const Verdict& verdict);

}  // namespace lh::analysis
