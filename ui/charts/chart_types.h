#pragma once

// The chart layer's own vocabulary. The dashboard and the PDF report speak
// only these types, never Qt Charts', so the drawing library behind them
// (Qt Charts now, Qt Graphs later) can change without touching either.

#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "chart/time_window.h"

namespace lh::ui::charts {

using lh::chart::TimeWindow;

enum class ValueAxis { left, right };

struct AxisSpec {
  QString title;  // with its unit: "Memory (MiB)", "CPU (%)"
  // Memory and CPU read honestly against zero; a leak's slope is still
  // plain to see, and a flat line does not look like a cliff.
  bool include_zero = true;
};

// One series as it is right now: timestamps in seconds on the session
// clock (non-decreasing) and values of the same length, NaN for a gap.
// The spans stay valid as long as `keep_alive` is held, so a store can hand
// out its immutable snapshot without copying it.
struct SeriesSnapshot {
  std::span<const double> t_s;
  std::span<const double> values;
  std::shared_ptr<const void> keep_alive;
};

// Called on the GUI thread at every redraw (about 4 Hz while live). It must
// not block for long: return the latest published snapshot, never wait for
// a producer.
using SeriesProvider = std::function<SeriesSnapshot()>;

struct SeriesSpec {
  QString name;  // for the legend
  ValueAxis axis = ValueAxis::left;
  // A slot of the chart palette (chart_colours.h); -1 takes the next one.
  // Slots, not colours, so each series reads well in light and dark.
  int colour_slot = -1;
};

enum class MarkerKind { restart, stage, fault, note };

// A vertical line at a moment: a restart, a stage change, a probe fault.
struct TimeMarker {
  double t_s = 0;
  QString label;  // short: "restart", "stage 2"
  MarkerKind kind = MarkerKind::note;
};

// A horizontal line at a value: the memory limit, a threshold.
inline constexpr double kReferenceReach = 4.0;
struct ReferenceLine {
  double value = 0;
  QString label;  // "limit 2 GiB"
  ValueAxis axis = ValueAxis::left;
  // Widen the axis to the line while it is at most kReferenceReach times
  // the data's top. Further above, it would squash the data into the
  // plot's bottom (a limit of 8 GiB over 300 MiB restart cycles): then its
  // label stands at the top edge with an arrow instead.
  bool keep_in_view = true;
};

struct ChartSeries {
  SeriesSpec spec;
  SeriesProvider data;
  bool visible = true;
};

// What the bottom axis counts: elapsed time on the session clock
// ("00:04:10"), or a plain quantity such as completed requests ("12,000")
// when a report lines two runs up by work done rather than by time.
enum class BottomAxis { elapsed_time, count };

// Everything a chart shows apart from the time window: what the widget
// draws live and what the report renders off-screen.
struct ChartContent {
  QString title;
  BottomAxis bottom_axis = BottomAxis::elapsed_time;
  AxisSpec left_axis;
  std::optional<AxisSpec> right_axis;  // shown when set
  // In order of importance: the first is drawn on top and leads the
  // legend. Series on the right axis are drawn finer and subdued.
  std::vector<ChartSeries> series;
  std::vector<TimeMarker> markers;
  std::vector<ReferenceLine> reference_lines;
};

// What a redraw did: for tests, benchmarks and the curious.
struct DrawStats {
  std::size_t columns = 0;  // pixel columns the series were reduced to
  std::size_t points = 0;   // handed to the drawing library, all series
  std::size_t runs = 0;     // unbroken lines drawn, all series
};

}  // namespace lh::ui::charts
