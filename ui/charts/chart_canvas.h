#pragma once

#include <QMetaObject>
#include <QRectF>
#include <memory>
#include <optional>
#include <vector>

#include "chart/reduce.h"
#include "charts/chart_colours.h"
#include "charts/chart_types.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace lh::ui::charts {

class ChartAxes;
class ChartLegend;
class ChartOverlay;
class SeriesLayer;

// The series' snapshots for one redraw, taken before the window is chosen
// (follow mode needs to know where the data ends).
struct ChartFrame {
  std::vector<SeriesSnapshot> snapshots;  // one per content series; empty when hidden
  bool has_data = false;
  double first_s = 0;
  double last_s = 0;
};

// A chart as LeakHound draws it, with everything Qt Charts-specific inside:
// the QChart with its axes and layout, and LeakHound's own items on it
// (series, markers, legend). The widget shows it in a view; the off-screen
// renderer puts it in a scene.
class ChartCanvas {
 public:
  ChartCanvas();
  ~ChartCanvas();
  ChartCanvas(const ChartCanvas&) = delete;
  ChartCanvas& operator=(const ChartCanvas&) = delete;

  // Not owned: the view or scene showing the chart owns it and must
  // outlive the canvas' use of it.
  QChart* chart() const { return chart_; }

  void setContent(const ChartContent& content);
  void setColours(const ChartColours& colours);

  ChartFrame snapshot() const;
  // Reduces each series to `columns` pixel columns over `window`, then
  // hands axes, series and overlay their new frame in one go.
  DrawStats draw(const ChartFrame& frame, TimeWindow window, std::size_t columns);

  QRectF plotArea() const;
  // What the last draw showed of series `index` (NaN markers for gaps).
  std::span<const lh::chart::Point> shownPoints(std::size_t index) const;

 private:
  void applyStyles();
  void layOutLegend();

  QChart* chart_;
  std::unique_ptr<ChartAxes> axes_;
  SeriesLayer* series_;  // child items of the chart
  ChartOverlay* overlay_;
  ChartLegend* legend_;
  ChartContent content_;
  ChartColours colours_;
  QMetaObject::Connection plot_area_changed_;
  std::vector<std::vector<lh::chart::Point>> buffers_;  // reduced points, one per series
  std::vector<std::span<const lh::chart::Point>> shown_;
};

}  // namespace lh::ui::charts
