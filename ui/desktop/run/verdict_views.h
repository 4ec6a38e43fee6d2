#pragma once

#include <vector>

#include "session/analysed_series.h"
#include "verdict/verdict_panel.h"

namespace lh::ui {

// A session's verdicts (a live run's, or a recorded session's) as the
// verdict panel lists them, in the same order: watched first.
std::vector<SeriesVerdictView> verdict_views(const std::vector<session::SeriesVerdict>& verdicts);

}  // namespace lh::ui
