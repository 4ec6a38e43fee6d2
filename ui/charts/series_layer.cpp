#include "charts/series_layer.h"

#include <QChart>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "charts/paint_device.h"

namespace lh::ui::charts {

SeriesLayer::SeriesLayer(QChart* chart) : QGraphicsItem(chart) {
  // Above Qt Charts' grid and axes (small z values), below the overlay.
  setZValue(500);
  setAcceptedMouseButtons(Qt::NoButton);
}

void SeriesLayer::setStyles(std::vector<Style> styles) {
  styles_ = std::move(styles);
  update();
}

void SeriesLayer::setPoints(std::vector<std::span<const lh::chart::Point>> points, std::size_t columns) {
  points_ = std::move(points);
  columns_ = std::max<std::size_t>(columns, 1);
  update();
}

void SeriesLayer::setFrame(TimeWindow window, lh::chart::NiceScale left, std::optional<lh::chart::NiceScale> right) {
  window_ = window;
  left_ = left;
  right_ = right;
  update();
}

void SeriesLayer::setPlotArea(const QRectF& plot) {
  if (plot == plot_) return;
  prepareGeometryChange();
  plot_ = plot;
}

QRectF SeriesLayer::boundingRect() const { return plot_; }

// Turns one series' reduced points into joins, spans and dots, column by
// column. Points are grouped by the column the reduction put them in;
// on screen each column sits on a device pixel, so spans are crisp.
void SeriesLayer::build(std::span<const lh::chart::Point> points, const lh::chart::NiceScale& scale,
                        qreal device_scale, bool vector) {
  geometry_.joins.clear();
  geometry_.spans.clear();
  geometry_.dots.clear();
  if (!(scale.max > scale.min)) return;
  const double column_width = plot_.width() / static_cast<double>(columns_);
  const double columns_per_s = static_cast<double>(columns_) / window_.span();
  const double y_per_value = plot_.height() / (scale.max - scale.min);

  struct Column {
    double key = 0;
    qreal x = 0;
    qreal first = 0, low = 0, high = 0, last = 0;
    int count = 0;
  } column;
  QPointF previous;
  bool joined = false;    // the run has a point to join the next column to
  bool lone = false;      // the run so far is one column of one point

  auto flush = [&] {
    if (column.count == 0) return;
    QRectF span(QPointF(column.x, column.high), QPointF(column.x, column.low));
    if (joined) {
      lone = false;
      const bool neighbours = !vector && std::abs(column.x - previous.x()) * device_scale < 1.5;
      if (neighbours) {
        // A join between neighbouring pixel columns is half in each: the
        // two spans stretch to its midpoint, and no line is drawn.
        const qreal mid = (previous.y() + column.first) / 2;
        QRectF& before = geometry_.spans.back();
        before.setTop(std::min(before.top(), mid));
        before.setBottom(std::max(before.bottom(), mid));
        span.setTop(std::min(span.top(), mid));
        span.setBottom(std::max(span.bottom(), mid));
      } else {
        geometry_.joins.emplace_back(previous, QPointF(column.x, column.first));
      }
    } else {
      lone = column.count == 1;
    }
    if (column.count > 1) lone = false;
    // On screen every column gets a span (the stretching above relies on
    // it); on paper a single point needs none, its joins reach it.
    if (!vector || column.count > 1) geometry_.spans.push_back(span);
    previous = QPointF(column.x, column.last);
    joined = true;
    column.count = 0;
  };
  auto end_run = [&] {
    flush();
    if (lone) geometry_.dots.push_back(previous);
    joined = lone = false;
  };

  for (const lh::chart::Point& p : points) {
    if (std::isnan(p.value)) {
      end_run();
      continue;
    }
    const double key = std::floor((p.t_s - window_.begin_s) * columns_per_s);
    const qreal y = plot_.bottom() - (p.value - scale.min) * y_per_value;
    if (column.count > 0 && key == column.key) {
      column.low = std::max(column.low, y);  // screen y grows downwards
      column.high = std::min(column.high, y);
      column.last = y;
      ++column.count;
      continue;
    }
    flush();
    qreal x = plot_.left() + (key + 0.5) * column_width;
    if (!vector) x = (std::floor(x * device_scale) + 0.5) / device_scale;  // a device pixel's centre
    column = Column{key, x, y, y, y, y, 1};
  }
  end_run();
}

void SeriesLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  if (plot_.isEmpty() || !(window_.span() > 0)) return;
  const bool vector = paints_vectors(*painter);
  const qreal device_scale = device_pixels_per_unit(*painter);
  painter->save();
  painter->setClipRect(plot_);
  for (std::size_t i = std::min(points_.size(), styles_.size()); i-- > 0;) {
    const Style& style = styles_[i];
    const lh::chart::NiceScale& scale = style.axis == ValueAxis::right && right_ ? *right_ : left_;
    build(points_[i], scale, device_scale, vector);
    if (vector) {
      painter->setPen(QPen(style.colour, style.width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
      painter->drawLines(geometry_.joins.data(), static_cast<int>(geometry_.joins.size()));
      for (const QRectF& span : geometry_.spans) painter->drawLine(span.topLeft(), span.bottomLeft());
      for (const QPointF& dot : geometry_.dots) painter->drawPoint(dot);
      continue;
    }
    // Screens: 1 device pixel lines take the raster engine's fast path;
    // where a pixel is small (high DPI) a second line beside it keeps the
    // weight, still far cheaper than a stroked pen.
    const int weight = std::max(1, static_cast<int>(std::lround(style.width * device_scale)));
    const qreal pixel = 1 / device_scale;
    QPen pen(style.colour, 1);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setRenderHint(QPainter::Antialiasing, true);
    for (int copy = 0; copy < weight; ++copy) {
      painter->drawLines(geometry_.joins.data(), static_cast<int>(geometry_.joins.size()));
      painter->translate(0, pixel);
    }
    painter->translate(0, -pixel * weight);
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const QRectF& span : geometry_.spans) {
      // From the centre of the column's pixel: left edge, full weight wide,
      // whole device pixels tall.
      const qreal left = span.left() - pixel / 2;
      const qreal top = std::floor(span.top() * device_scale) / device_scale;
      const qreal bottom = std::ceil(span.bottom() * device_scale) / device_scale;
      painter->fillRect(QRectF(left, top, pixel * weight, std::max(bottom - top, pixel)), style.colour);
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.colour);
    for (const QPointF& dot : geometry_.dots) painter->drawEllipse(dot, 1.5, 1.5);
  }
  painter->restore();
}

}  // namespace lh::ui::charts
