#pragma once

#include "charts/chart_types.h"

namespace lh::ui::charts {

// The memory limit as a reference line on a memory axis: at `value` in the
// axis' unit, labelled with the limit itself ("limit 8.00 GiB"), so the
// label says it also when the line is far above the data and only the
// label is drawn. The dashboard and the report both draw it so.
ReferenceLine memory_limit_line(double value, double limit_mib);

}  // namespace lh::ui::charts
