#include "charts/chart_overlay.h"

#include "charts/chart_fonts.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

namespace lh::ui::charts {

namespace {

constexpr std::size_t kMarkerLabelRows = 2;  // at the plot's top
constexpr qreal kLabelPadding = 3;
constexpr qreal kMaxLabelWidth = 140;

// Not cosmetic: widths scale with the chart, so a PDF printed at 1200 dpi
// gets the same proportions as the screen, not hairlines.
QPen dashed(const QColor& colour, qreal width = 1.2) { return QPen(colour, width, Qt::DashLine); }

}  // namespace

ChartOverlay::ChartOverlay(QChart* chart) : QGraphicsItem(chart) {
  // Above the series and the grid, below nothing else: QChart's own items
  // use small z values.
  setZValue(1000);
  setAcceptedMouseButtons(Qt::NoButton);
  font_ = pixel_sized_font(chart->font(), 0.85);
}

void ChartOverlay::setMarkers(std::vector<TimeMarker> markers) {
  std::stable_sort(markers.begin(), markers.end(), [](const TimeMarker& a, const TimeMarker& b) { return a.t_s < b.t_s; });
  markers_ = std::move(markers);
  update();
}

void ChartOverlay::setReferenceLines(std::vector<ReferenceLine> lines) {
  lines_ = std::move(lines);
  update();
}

void ChartOverlay::setColours(const ChartColours& colours) {
  colours_ = colours;
  update();
}

void ChartOverlay::setFrame(TimeWindow window, lh::chart::NiceScale left, std::optional<lh::chart::NiceScale> right) {
  window_ = window;
  left_ = left;
  right_ = right;
  update();
}

void ChartOverlay::setPlotArea(const QRectF& plot) {
  if (plot == plot_) return;
  prepareGeometryChange();
  plot_ = plot;
}

QRectF ChartOverlay::boundingRect() const { return plot_; }

std::optional<double> ChartOverlay::yOf(double value, ValueAxis axis) const {
  const lh::chart::NiceScale& scale = axis == ValueAxis::right && right_ ? *right_ : left_;
  if (value < scale.min || value > scale.max || !(scale.max > scale.min)) return std::nullopt;
  return plot_.bottom() - (value - scale.min) / (scale.max - scale.min) * plot_.height();
}

bool ChartOverlay::above(double value, ValueAxis axis) const {
  const lh::chart::NiceScale& scale = axis == ValueAxis::right && right_ ? *right_ : left_;
  return scale.max > scale.min && value > scale.max;
}

void ChartOverlay::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  if (plot_.isEmpty() || !(window_.span() > 0)) return;
  painter->save();
  painter->setClipRect(plot_);
  painter->setFont(font_);
  // All lines first, then all labels, so no line crosses a label.
  paintReferenceLines(*painter, Pass::lines);
  paintMarkers(*painter, Pass::lines);
  paintReferenceLines(*painter, Pass::labels);
  paintMarkers(*painter, Pass::labels);
  painter->restore();
}

void ChartOverlay::paintReferenceLines(QPainter& painter, Pass pass) const {
  const QFontMetricsF metrics(font_);
  const QColor colour = colours_.reference_line();
  for (const ReferenceLine& line : lines_) {
    const auto y = yOf(line.value, line.axis);
    if (!y) {
      // Far above the data: where it is, said at the right, below the
      // two rows of marker labels.
      if (pass == Pass::labels && !line.label.isEmpty() && above(line.value, line.axis)) {
        const QString text =
            metrics.elidedText(QString(QChar(0x2191)) + QLatin1Char(' ') + line.label, Qt::ElideRight, kMaxLabelWidth);
        const QSizeF size(metrics.horizontalAdvance(text) + 2 * kLabelPadding, metrics.height());
        const qreal top = plot_.top() + 2 + static_cast<qreal>(kMarkerLabelRows) * (metrics.height() + 2);
        paintLabel(painter, QRectF(QPointF(plot_.right() - size.width() - 2, top), size), text, colour);
      }
      continue;
    }
    if (pass == Pass::lines) {
      painter.setPen(dashed(colour, 1.5));
      painter.drawLine(QPointF(plot_.left(), *y), QPointF(plot_.right(), *y));
      continue;
    }
    if (line.label.isEmpty()) continue;
    const QString text = metrics.elidedText(line.label, Qt::ElideRight, kMaxLabelWidth);
    const QSizeF size(metrics.horizontalAdvance(text) + 2 * kLabelPadding, metrics.height());
    // Above the line at the right end; below it when the line is at the top.
    const qreal top = *y - size.height() - 1 < plot_.top() ? *y + 1 : *y - size.height() - 1;
    paintLabel(painter, QRectF(QPointF(plot_.right() - size.width() - 2, top), size), text, colour);
  }
}

void ChartOverlay::paintMarkers(QPainter& painter, Pass pass) const {
  const QFontMetricsF metrics(font_);
  const double px_per_s = plot_.width() / window_.span();
  // Two rows of labels at the top; a label that fits in neither is skipped
  // (its line stays, and the events list names it), and so is one that
  // says what the label it would overlap says (two probes of a service
  // each report its restart).
  std::array<qreal, kMarkerLabelRows> row_end{plot_.left() - 1, plot_.left() - 1};
  QString last_text;
  qreal last_end = plot_.left() - 1;
  int last_column = -1;
  MarkerKind last_kind = MarkerKind::note;
  for (const TimeMarker& marker : markers_) {
    if (!window_.contains(marker.t_s)) continue;
    const qreal x = plot_.left() + (marker.t_s - window_.begin_s) * px_per_s;
    const QColor colour = colours_.marker(marker.kind);
    if (pass == Pass::lines) {
      // Many restarts on one pixel column: one line says it all.
      const int column = static_cast<int>(std::floor(x));
      if (column == last_column && marker.kind == last_kind) continue;
      painter.setPen(dashed(colour));
      painter.drawLine(QPointF(x, plot_.top()), QPointF(x, plot_.bottom()));
      last_column = column;
      last_kind = marker.kind;
      continue;
    }
    if (marker.label.isEmpty()) continue;
    const QString text = metrics.elidedText(marker.label, Qt::ElideRight, kMaxLabelWidth);
    const qreal width = metrics.horizontalAdvance(text) + 2 * kLabelPadding;
    const qreal left = std::min(x + 2, plot_.right() - width);
    if (text == last_text && left <= last_end) continue;
    for (std::size_t row = 0; row < row_end.size(); ++row) {
      if (left <= row_end[row]) continue;
      const QRectF box(left, plot_.top() + 2 + static_cast<qreal>(row) * (metrics.height() + 2), width,
                       metrics.height());
      paintLabel(painter, box, text, colour);
      row_end[row] = box.right() + 4;
      last_text = text;
      last_end = row_end[row];
      break;
    }
  }
}

void ChartOverlay::paintLabel(QPainter& painter, const QRectF& box, const QString& text, const QColor& colour) const {
  QColor backdrop = colours_.background;
  backdrop.setAlphaF(0.85f);
  painter.setPen(Qt::NoPen);
  painter.setBrush(backdrop);
  painter.drawRoundedRect(box, 2, 2);
  painter.setPen(colour);
  painter.drawText(box, Qt::AlignCenter, text);
}

}  // namespace lh::ui::charts
