#pragma once

#include <memory>
#include <vector>

#include "charts/chart_types.h"

namespace lh::ui::charts {

// A series' samples held in memory: recorded sessions, reports, tests.
struct SeriesColumns {
  std::vector<double> t_s;
  std::vector<double> values;
};

// A provider over columns the chart shares: the snapshot keeps them alive,
// so they may be replaced by a newer shared_ptr while a redraw reads them.
SeriesProvider shared_series(std::shared_ptr<const SeriesColumns> columns);

// A provider over a fixed series, moved in.
SeriesProvider fixed_series(std::vector<double> t_s, std::vector<double> values);

}  // namespace lh::ui::charts
