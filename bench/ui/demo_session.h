#pragma once

#include <memory>
#include <vector>

#include "charts/chart_types.h"
#include "charts/series_providers.h"

namespace lh::bench {

// A made-up session that looks like what LeakHound watches: resident
// memory leaking slowly under GC sawtooth, restarts that drop it, a probe
// that is unreachable for a few seconds around each restart (gaps), CPU
// with spikes, and load stages.
struct DemoSession {
  std::shared_ptr<ui::charts::SeriesColumns> memory_mib;
  std::shared_ptr<ui::charts::SeriesColumns> heap_mib;
  std::shared_ptr<ui::charts::SeriesColumns> cpu_percent;
  std::vector<ui::charts::TimeMarker> markers;
  double duration_s = 0;
};

DemoSession make_demo_session(std::size_t samples, double duration_s, unsigned seed = 1);

// The dashboard's headline chart: memory on the left, CPU % on the right,
// restarts and stages, the memory limit.
ui::charts::ChartContent headline_chart(const DemoSession& session);

}  // namespace lh::bench
