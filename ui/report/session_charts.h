#pragma once

#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "charts/chart_types.h"
#include "common/event.h"
#include "probe/series_store.h"

namespace lh::ui::report {

// The charts of a session, as the PDF report draws them and the desktop app
// can show them: which series, on which axis, with which marks. Series
// reach a chart through `provider`, so a live view can hand out its own
// (cheaper) snapshots while a report copies from a recorded store.
struct SessionChartSource {
  const probe::SeriesStore& store;
  probe::GroupId probe_group = 0;
  std::optional<probe::GroupId> load_group;
  std::span<const Event> events;
  std::optional<double> memory_limit_mib;
  std::function<charts::SeriesProvider(probe::SeriesId)> provider;
};

// A provider that copies the series out of the store at each call: right
// for a recorded session, drawn once; a live 4 Hz view of a long run wants
// an incremental one.
charts::SeriesProvider copied_series(std::shared_ptr<const probe::SeriesStore> store, probe::SeriesId id);

// Drops the gaps of a series that are shorter than a few of its usual
// steps between values (a figure measured only now and then), keeping one
// NaN for each longer gap: a line, broken only where the source was away.
void bridge_short_gaps(std::vector<double>& t_s, std::vector<double>& values);

// The watched memory with the limit, restarts and stages; with `with_cpu`,
// its source's own CPU % on the right axis. Empty when there is none.
std::optional<charts::ChartContent> watched_memory_chart(const SessionChartSource& source, bool with_cpu);
// Requests and errors per second.
std::optional<charts::ChartContent> throughput_chart(const SessionChartSource& source);
// p50 and p99 of the requests completed in each second.
std::optional<charts::ChartContent> latency_chart(const SessionChartSource& source);
// One other memory-like or cache-size series.
charts::ChartContent series_chart(const SessionChartSource& source, probe::SeriesId id);

// "Memory (MiB)", "cache_size", "CPU (%)": an axis title from a series.
QString axis_title(const probe::SeriesInfo& info);

}  // namespace lh::ui::report
