#include "charts/chart_legend.h"

#include "charts/chart_fonts.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

namespace lh::ui::charts {

namespace {

constexpr qreal kSampleLength = 18;
constexpr qreal kGap = 6;
constexpr qreal kEntrySpacing = 18;
constexpr qreal kTopPadding = 4;

}  // namespace

ChartLegend::ChartLegend(QChart* chart) : QGraphicsItem(chart), font_(pixel_sized_font(chart->font(), 1.0)) {
  setAcceptedMouseButtons(Qt::NoButton);
  title_font_ = font_;
  title_font_.setBold(true);
}

void ChartLegend::setTitle(const QString& title) {
  title_ = title;
  update();
}

void ChartLegend::setEntries(std::vector<Entry> entries) {
  entries_ = std::move(entries);
  update();
}

void ChartLegend::setTextColour(const QColor& colour) {
  text_ = colour;
  update();
}

qreal ChartLegend::entryWidth(const Entry& entry) const {
  return kSampleLength + kGap + QFontMetricsF(font_).horizontalAdvance(entry.name);
}

qreal ChartLegend::layOut(qreal left, qreal right) {
  prepareGeometryChange();
  placed_.clear();
  const qreal line_height = QFontMetricsF(font_).height() + 2;
  qreal x = left;
  qreal y = kTopPadding;
  title_at_ = QPointF(x, y);
  if (!title_.isEmpty()) x += QFontMetricsF(title_font_).horizontalAdvance(title_) + 2 * kEntrySpacing;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].name.isEmpty()) continue;
    const qreal width = entryWidth(entries_[i]);
    if (x > left && x + width > right) {  // wrap, unless the row is empty
      x = left;
      y += line_height;
    }
    placed_.push_back({QPointF(x, y), i});
    x += width + kEntrySpacing;
  }
  const qreal height = placed_.empty() && title_.isEmpty() ? 0 : y + line_height;
  bounds_ = QRectF(left, 0, right - left, height);
  update();
  return height;
}

QRectF ChartLegend::boundingRect() const { return bounds_; }

void ChartLegend::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  const QFontMetricsF metrics(font_);
  painter->save();
  if (!title_.isEmpty()) {
    painter->setFont(title_font_);
    painter->setPen(text_);
    painter->drawText(QPointF(title_at_.x(), title_at_.y() + QFontMetricsF(title_font_).ascent()), title_);
  }
  painter->setFont(font_);
  for (const Placed& p : placed_) {
    const Entry& e = entries_[p.entry];
    const qreal mid = p.at.y() + metrics.height() / 2;
    painter->setPen(QPen(e.colour, std::max<qreal>(e.width, 2), Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(QPointF(p.at.x() + 1, mid), QPointF(p.at.x() + kSampleLength - 1, mid));
    painter->setPen(text_);
    painter->drawText(QPointF(p.at.x() + kSampleLength + kGap, p.at.y() + metrics.ascent()), e.name);
  }
  painter->restore();
}

}  // namespace lh::ui::charts
