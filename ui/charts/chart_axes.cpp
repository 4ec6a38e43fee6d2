#include "charts/chart_axes.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLocale>
#include <QValueAxis>
#include <array>
#include <cmath>

#include "common/duration.h"

namespace lh::ui::charts {

using namespace Qt::StringLiterals;

ChartAxes::ChartAxes(QChart* chart) : chart_(chart), time_(new QCategoryAxis) {
  // A category axis with labels on values is how Qt Charts puts arbitrary
  // text at arbitrary positions: the only way to label elapsed time as
  // 00:04:10 (a value axis takes a printf format, a date axis wraps at 24 h).
  time_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  chart_->addAxis(time_, Qt::AlignBottom);
  style(time_);
  left_ = makeValueAxis(Qt::AlignLeft);
}

QAbstractAxis* ChartAxes::time() const { return time_; }

QAbstractAxis* ChartAxes::value(ValueAxis side) const {
  return side == ValueAxis::left ? static_cast<QAbstractAxis*>(left_) : right_;
}

QValueAxis* ChartAxes::makeValueAxis(Qt::Alignment alignment) {
  auto* axis = new QValueAxis;
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(0);
  axis->setMinorTickCount(0);
  chart_->addAxis(axis, alignment);
  style(axis);
  return axis;
}

void ChartAxes::configure(const AxisSpec& left, const std::optional<AxisSpec>& right) {
  left_->setTitleText(left.title);
  if (right && !right_) {
    right_ = makeValueAxis(Qt::AlignRight);
    right_->setGridLineVisible(false);  // one grid, the left axis'; two would cross
  } else if (!right && right_) {
    chart_->removeAxis(right_);
    delete right_;
    right_ = nullptr;
  }
  if (right_) right_->setTitleText(right->title);
}

void ChartAxes::style(QAbstractAxis* axis) const {
  axis->setLabelsColor(colours_.text);
  axis->setTitleBrush(colours_.text);
  axis->setLinePenColor(colours_.axis_line);
  axis->setGridLineColor(colours_.grid);
  axis->setShadesVisible(false);
}

void ChartAxes::setColours(const ChartColours& colours) {
  colours_ = colours;
  for (QAbstractAxis* axis : std::array<QAbstractAxis*, 3>{time_, left_, right_}) {
    if (axis) style(axis);
  }
}

void ChartAxes::showTime(TimeWindow window, int max_ticks, BottomAxis kind) {
  std::array<double, 64> buffer{};
  const int budget = std::min(max_ticks, static_cast<int>(buffer.size()));
  const bool counts = kind == BottomAxis::count;
  const double step = counts ? lh::chart::nice_scale(window.begin_s, window.end_s, budget).step
                             : lh::chart::time_tick_step(window.span(), budget);
  const auto count = lh::chart::ticks_in(window, step, buffer);
  const QList<double> ticks(buffer.begin(), buffer.begin() + static_cast<qsizetype>(count));
  time_->setRange(window.begin_s, window.end_s);
  if (ticks == time_ticks_ && counts == time_counts_) return;  // sliding by less than a tick: the labels stay
  // Categories are keyed by label; rebuilding them is cheap next to a redraw.
  for (const QString& label : time_->categoriesLabels()) time_->remove(label);
  time_->setStartValue(window.begin_s);
  const QLocale locale(QLocale::English);  // "12,000", as the CLI prints counts
  for (double t : ticks) {
    time_->append(counts ? locale.toString(static_cast<qlonglong>(std::llround(t)))
                         : QString::fromStdString(lh::format_clock(lh::Seconds(t))),
                  t);
  }
  time_ticks_ = ticks;
  time_counts_ = counts;
}

void ChartAxes::showValues(ValueAxis side, const lh::chart::NiceScale& scale) {
  QValueAxis* axis = side == ValueAxis::left ? left_ : right_;
  if (!axis) return;
  // Qt lays the ticks out after each of the two calls, so for a moment the
  // new range has the old interval, or the old range the new one. Take the
  // order whose moment holds fewer ticks: a scale jumping from 0 … 1 to
  // 0 … 1,000,000 would otherwise make five million tick items at once.
  const double range_first = (scale.max - scale.min) / axis->tickInterval();
  const double interval_first = (axis->max() - axis->min()) / scale.step;
  if (range_first <= interval_first) {
    axis->setRange(scale.min, scale.max);
    axis->setTickInterval(scale.step);
  } else {
    axis->setTickInterval(scale.step);
    axis->setRange(scale.min, scale.max);
  }
  axis->setLabelFormat(u"%."_s + QString::number(scale.decimals) + u"f"_s);
}

}  // namespace lh::ui::charts
