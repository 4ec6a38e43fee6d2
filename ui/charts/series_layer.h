#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QLineF>
#include <QRectF>
#include <optional>
#include <span>
#include <vector>

#include "chart/axis_ticks.h"
#include "chart/reduce.h"
#include "charts/chart_types.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace lh::ui::charts {

// Draws the reduced series over the plot, in one graphics item.
//
// Not QLineSeries, though it sits in a QChart: measured on the headline
// chart (three series, 1,500 columns, 18,000 reduced points),
// QLineSeries::replace() rebuilds and strokes a QPainterPath for mouse
// hit-testing (≈1.4 µs a point, 25 ms), paints segment by segment through
// the path stroker (≈280 ms of CPU at 1.6 px antialiased), and passes NaN gap
// points unchecked to QPainter (the PDF engine draws them to the corner).
//
// Here the points of each pixel column (the reduction puts up to four in
// one) are drawn as one vertical span from minimum to maximum, joined to
// the previous column's last point: the pixels a polyline through them
// would cover, without painting the same pixels three times over. On
// screen the spans are filled rectangles aligned to device pixels, a join
// between neighbouring columns stretches both spans to its midpoint, and
// longer joins are antialiased 1-device-pixel lines (the fast path of Qt's
// raster engine). On a vector device (PDF) spans and joins are lines of a
// real width.
class SeriesLayer : public QGraphicsItem {
 public:
  struct Style {
    QColor colour;
    qreal width = 1.5;  // logical pixels, for vector output; screens get 1–2 device pixels
    ValueAxis axis = ValueAxis::left;
  };

  explicit SeriesLayer(QChart* chart);

  // Series are drawn last to first: the first one is on top.
  void setStyles(std::vector<Style> styles);
  // The reduced points of each series (NaN markers for gaps). The spans
  // must stay valid until the next call: they point into the canvas'
  // reduction buffers.
  void setPoints(std::vector<std::span<const lh::chart::Point>> points, std::size_t columns);
  void setFrame(TimeWindow window, lh::chart::NiceScale left, std::optional<lh::chart::NiceScale> right);
  void setPlotArea(const QRectF& plot);

  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  struct Geometry {
    std::vector<QLineF> joins;  // between columns apart from each other
    std::vector<QRectF> spans;  // raster: filled; vector: drawn as lines
    std::vector<QPointF> dots;  // a lone sample between gaps
  };
  void build(std::span<const lh::chart::Point> points, const lh::chart::NiceScale& scale, qreal device_scale,
             bool vector);

  QRectF plot_;
  TimeWindow window_;
  lh::chart::NiceScale left_;
  std::optional<lh::chart::NiceScale> right_;
  std::vector<Style> styles_;
  std::vector<std::span<const lh::chart::Point>> points_;
  std::size_t columns_ = 1;
  Geometry geometry_;  // rebuilt on every paint, its capacity kept
};

}  // namespace lh::ui::charts
