#include "charts/chart_canvas.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "chart/axis_ticks.h"
#include "charts/chart_axes.h"
#include "charts/chart_legend.h"
#include "charts/chart_overlay.h"
#include "charts/series_layer.h"

namespace lh::ui::charts {

namespace {

constexpr qreal kLineWidth = 1.6;
// Series on the right axis give context (CPU next to memory): a finer,
// subdued line, so a noisy CPU band does not drown the memory it explains.
constexpr qreal kSecondaryLineWidth = 1.1;
constexpr int kMargin = 6;
constexpr qreal kMinPixelsPerValueTick = 40;
constexpr qreal kMinPixelsPerTimeTick = 95;  // "00:04:10" and some air

std::size_t runsIn(std::span<const lh::chart::Point> points) {
  std::size_t runs = 0;
  bool in_run = false;
  for (const lh::chart::Point& p : points) {
    const bool gap = std::isnan(p.value);
    if (!gap && !in_run) ++runs;
    in_run = !gap;
  }
  return runs;
}

// Series without a slot take the lowest ones no other series asked for.
std::vector<int> colourSlots(const std::vector<ChartSeries>& series) {
  std::set<int> taken;
  for (const ChartSeries& s : series) {
    if (s.spec.colour_slot >= 0) taken.insert(s.spec.colour_slot);
  }
  std::vector<int> slot_of;
  int next = 0;
  for (const ChartSeries& s : series) {
    if (s.spec.colour_slot >= 0) {
      slot_of.push_back(s.spec.colour_slot);
      continue;
    }
    while (taken.count(next) && next < series_colour_count()) ++next;
    slot_of.push_back(next);
    taken.insert(next++);
  }
  return slot_of;
}

struct Range {
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  bool empty() const { return !(min <= max); }
  void add(double v) {
    min = std::min(min, v);
    max = std::max(max, v);
  }
};

// The range of the points inside the window; the edge points outside it
// only when nothing is inside (a zoom between two samples).
Range valueRange(std::span<const lh::chart::Point> points, TimeWindow window) {
  Range inside, all;
  for (const lh::chart::Point& p : points) {
    if (std::isnan(p.value)) continue;
    all.add(p.value);
    if (window.contains(p.t_s)) inside.add(p.value);
  }
  return inside.empty() ? all : inside;
}

}  // namespace

ChartCanvas::ChartCanvas() : chart_(new QChart) {
  chart_->setBackgroundRoundness(0);
  chart_->layout()->setContentsMargins(0, 0, 0, 0);
  chart_->setMargins(QMargins(kMargin, kMargin, kMargin, kMargin));
  chart_->legend()->hide();
  chart_->setAnimationOptions(QChart::NoAnimation);
  axes_ = std::make_unique<ChartAxes>(chart_);
  series_ = new SeriesLayer(chart_);
  overlay_ = new ChartOverlay(chart_);
  legend_ = new ChartLegend(chart_);
  plot_area_changed_ = QObject::connect(chart_, &QChart::plotAreaChanged, chart_, [this](const QRectF& plot) {
    series_->setPlotArea(plot);
    overlay_->setPlotArea(plot);
    layOutLegend();
  });
  setColours(chart_colours_for(QPalette()));
}

// The chart may outlive the canvas (its view or scene deletes it): it must
// not call back into a canvas that is gone.
ChartCanvas::~ChartCanvas() { QObject::disconnect(plot_area_changed_); }

void ChartCanvas::setContent(const ChartContent& content) {
  content_ = content;
  legend_->setTitle(content_.title);
  axes_->configure(content_.left_axis, content_.right_axis);
  if (shown_.size() != content_.series.size()) {
    // New series: nothing to show until the next draw. Otherwise the lines
    // stay as drawn, so markers arriving during a live run do not blank
    // the chart until the next redraw.
    buffers_.resize(content_.series.size());
    shown_.assign(content_.series.size(), {});
    series_->setPoints(shown_, 1);
  }
  applyStyles();
  overlay_->setMarkers(content_.markers);
  overlay_->setReferenceLines(content_.reference_lines);
}

void ChartCanvas::applyStyles() {
  const std::vector<int> slot_of = colourSlots(content_.series);
  std::vector<SeriesLayer::Style> styles;
  std::vector<ChartLegend::Entry> entries;
  for (std::size_t i = 0; i < content_.series.size(); ++i) {
    const SeriesSpec& spec = content_.series[i].spec;
    const bool secondary = spec.axis == ValueAxis::right && content_.right_axis;
    const QColor colour = colours_.series(slot_of[i]);
    styles.push_back({secondary ? colours_.subdued(colour) : colour, secondary ? kSecondaryLineWidth : kLineWidth,
                      content_.right_axis ? spec.axis : ValueAxis::left});
    if (content_.series[i].visible) entries.push_back({spec.name, styles.back().colour, styles.back().width});
  }
  series_->setStyles(std::move(styles));
  legend_->setEntries(std::move(entries));
  layOutLegend();
}

void ChartCanvas::layOutLegend() {
  const QRectF plot = chart_->plotArea();
  const qreal left = plot.width() > 0 ? plot.left() : kMargin;
  const qreal height = legend_->layOut(left, chart_->size().width() - kMargin);
  const QMargins margins(kMargin, kMargin + static_cast<int>(std::ceil(height)) + 2, kMargin, kMargin);
  if (chart_->margins() != margins) chart_->setMargins(margins);
}

void ChartCanvas::setColours(const ChartColours& colours) {
  colours_ = colours;
  chart_->setBackgroundBrush(colours.background);
  chart_->setBackgroundPen(Qt::NoPen);
  legend_->setTextColour(colours.text);
  axes_->setColours(colours);
  overlay_->setColours(colours);
  applyStyles();
}

ChartFrame ChartCanvas::snapshot() const {
  ChartFrame frame;
  frame.snapshots.reserve(content_.series.size());
  for (const ChartSeries& s : content_.series) {
    frame.snapshots.push_back(s.visible && s.data ? s.data() : SeriesSnapshot{});
    const SeriesSnapshot& snap = frame.snapshots.back();
    if (snap.t_s.empty() || snap.t_s.size() != snap.values.size()) continue;
    frame.first_s = frame.has_data ? std::min(frame.first_s, snap.t_s.front()) : snap.t_s.front();
    frame.last_s = frame.has_data ? std::max(frame.last_s, snap.t_s.back()) : snap.t_s.back();
    frame.has_data = true;
  }
  return frame;
}

QRectF ChartCanvas::plotArea() const { return chart_->plotArea(); }

std::span<const lh::chart::Point> ChartCanvas::shownPoints(std::size_t index) const {
  return index < shown_.size() ? shown_[index] : std::span<const lh::chart::Point>{};
}

DrawStats ChartCanvas::draw(const ChartFrame& frame, TimeWindow window, std::size_t columns) {
  DrawStats stats;
  stats.columns = columns = std::max<std::size_t>(columns, 1);
  Range left, right;
  for (std::size_t i = 0; i < content_.series.size(); ++i) {
    shown_[i] = {};
    const SeriesSnapshot* snap = i < frame.snapshots.size() ? &frame.snapshots[i] : nullptr;
    if (!content_.series[i].visible || !snap || snap->t_s.size() != snap->values.size()) continue;
    auto& buffer = buffers_[i];
    if (buffer.size() < lh::chart::reduced_capacity(columns)) buffer.resize(lh::chart::reduced_capacity(columns));
    shown_[i] = lh::chart::reduce_m4(snap->t_s, snap->values, window, columns, buffer);
    stats.points += shown_[i].size();
    stats.runs += runsIn(shown_[i]);
    const Range r = valueRange(shown_[i], window);
    Range& axis = content_.series[i].spec.axis == ValueAxis::right && content_.right_axis ? right : left;
    if (!r.empty()) {
      axis.add(r.min);
      axis.add(r.max);
    }
  }
  for (const ReferenceLine& line : content_.reference_lines) {
    Range& axis = line.axis == ValueAxis::right && content_.right_axis ? right : left;
    if (line.keep_in_view && (axis.empty() || line.value <= kReferenceReach * axis.max)) axis.add(line.value);
  }

  const QRectF plot = chart_->plotArea().isEmpty() ? chart_->rect() : chart_->plotArea();
  const int value_ticks = std::max(2, static_cast<int>(plot.height() / kMinPixelsPerValueTick));
  auto scale_for = [&](Range r, const AxisSpec& spec) {
    if (r.empty()) r = Range{0, 1};
    if (spec.include_zero) r.add(0);
    // Nothing but zeros (no errors yet) on an axis from zero: 0…1, not a
    // scale reaching below zero for values that cannot go there.
    if (spec.include_zero && r.min == 0 && r.max == 0) r.add(1);
    return lh::chart::nice_scale(r.min, r.max, value_ticks);
  };
  const lh::chart::NiceScale left_scale = scale_for(left, content_.left_axis);
  std::optional<lh::chart::NiceScale> right_scale;
  if (content_.right_axis) right_scale = scale_for(right, *content_.right_axis);
  axes_->showTime(window, std::max(2, static_cast<int>(plot.width() / kMinPixelsPerTimeTick)), content_.bottom_axis);
  axes_->showValues(ValueAxis::left, left_scale);
  if (right_scale) axes_->showValues(ValueAxis::right, *right_scale);

  series_->setPoints(shown_, columns);
  series_->setFrame(window, left_scale, right_scale);
  series_->setPlotArea(chart_->plotArea());
  overlay_->setFrame(window, left_scale, right_scale);
  overlay_->setPlotArea(chart_->plotArea());
  return stats;
}

}  // namespace lh::ui::charts
