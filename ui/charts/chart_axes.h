#pragma once

// Internal to the chart layer: Qt Charts types appear only in ui/charts/
// files that the dashboard and the report never include.

#include <QList>
#include <QString>
#include <optional>

#include "chart/axis_ticks.h"
#include "charts/chart_colours.h"
#include "charts/chart_types.h"

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QCategoryAxis;
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace lh::ui::charts {

// The three axes of a time chart: elapsed time at the bottom ("00:04:10"),
// values on the left and, optionally, on the right.
class ChartAxes {
 public:
  explicit ChartAxes(QChart* chart);

  QAbstractAxis* time() const;
  QAbstractAxis* value(ValueAxis side) const;  // the right one may be null

  // Creates or removes the right axis; series on it must be re-attached.
  void configure(const AxisSpec& left, const std::optional<AxisSpec>& right);
  void setColours(const ChartColours& colours);

  // Ranges and ticks; the tick budgets come from the plot's size in pixels.
  void showTime(TimeWindow window, int max_ticks, BottomAxis kind = BottomAxis::elapsed_time);
  void showValues(ValueAxis side, const lh::chart::NiceScale& scale);

 private:
  QValueAxis* makeValueAxis(Qt::Alignment alignment);
  void style(QAbstractAxis* axis) const;

  QChart* chart_;
  QCategoryAxis* time_;
  QValueAxis* left_ = nullptr;
  QValueAxis* right_ = nullptr;
  QList<double> time_ticks_;
  bool time_counts_ = false;  // the labels shown are counts, not times
  ChartColours colours_;
};

}  // namespace lh::ui::charts
