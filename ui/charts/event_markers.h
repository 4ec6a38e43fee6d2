#pragma once

#include <span>
#include <vector>

#include "charts/chart_types.h"
#include "common/event.h"

namespace lh::ui::charts {

// A session's events as marks on the time axis: restarts, the load's
// stages ("stage 1" is the first the load entered), probe faults and
// answers read in part. A recovery is none: the line resuming says it.
// `stages_before`: stage events already marked (a live view adds events as
// they come). The dashboard and the report mark them so.
std::vector<TimeMarker> event_markers(std::span<const Event> events, std::size_t stages_before = 0);

}  // namespace lh::ui::charts
