#pragma once

#include "charts/chart_types.h"
#include "session/compare.h"

namespace lh::ui::report {

// Before and after as one chart: both runs' watched memory on one axis of
// elapsed time or completed requests, A subdued and B in the lead colour.
// The compare PDF draws it, and the desktop app's compare window shows it.
charts::ChartContent compare_chart(const session::Comparison& comparison);

// From 0 to the later of the two runs' ends: the whole of both.
charts::TimeWindow compare_window(const session::Comparison& comparison);

}  // namespace lh::ui::report
