#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <optional>
#include <vector>

#include "chart/axis_ticks.h"
#include "charts/chart_colours.h"
#include "charts/chart_types.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace lh::ui::charts {

// Vertical markers (restarts, stage changes) and horizontal reference lines
// (the memory limit), painted over the plot area in one item: hundreds of
// restarts cost one paint, not hundreds of graphics items. Markers that
// land on the same pixel column are drawn once, and labels that would
// overlap the previous one are left out.
class ChartOverlay : public QGraphicsItem {
 public:
  explicit ChartOverlay(QChart* chart);

  void setMarkers(std::vector<TimeMarker> markers);
  void setReferenceLines(std::vector<ReferenceLine> lines);
  void setColours(const ChartColours& colours);
  // What the plot shows now: the window and each value axis' range.
  void setFrame(TimeWindow window, lh::chart::NiceScale left, std::optional<lh::chart::NiceScale> right);
  void setPlotArea(const QRectF& plot);

  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  enum class Pass { lines, labels };
  void paintReferenceLines(QPainter& painter, Pass pass) const;
  bool above(double value, ValueAxis axis) const;
  void paintMarkers(QPainter& painter, Pass pass) const;
  void paintLabel(QPainter& painter, const QRectF& box, const QString& text, const QColor& colour) const;
  std::optional<double> yOf(double value, ValueAxis axis) const;

  QRectF plot_;
  QFont font_;
  std::vector<TimeMarker> markers_;
  std::vector<ReferenceLine> lines_;
  ChartColours colours_;
  TimeWindow window_;
  lh::chart::NiceScale left_;
  std::optional<lh::chart::NiceScale> right_;
};

}  // namespace lh::ui::charts
