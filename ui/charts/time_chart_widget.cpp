#include "charts/time_chart_widget.h"

#include <QAction>
#include <QChart>
#include <QEvent>
#include <QVBoxLayout>
#include <cmath>

#include "charts/chart_canvas.h"
#include "charts/chart_view.h"

namespace lh::ui::charts {

using namespace Qt::StringLiterals;

namespace {

constexpr double kMinSpan_s = 5;
constexpr double kInitialSpan_s = 60;
// A plot that changed by a column or two (a wider axis label) is not
// worth another reduction; the next redraw picks the width up anyway.
constexpr double kColumnTolerance = 2;

}  // namespace

TimeChartWidget::TimeChartWidget(QWidget* parent)
    : QWidget(parent), canvas_(std::make_unique<ChartCanvas>()), view_(new ChartView(this)),
      viewport_(kMinSpan_s, kInitialSpan_s) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_);
  view_->setChart(canvas_->chart());
  view_->setObjectName(u"chartView"_s);
  setFocusProxy(view_);
  canvas_widget_ = view_->viewport();
  canvas_widget_->installEventFilter(this);
  applyPalette();
  view_->setToolTip(tr("Wheel or +/−: zoom · drag or ←/→: pan · End: follow the latest · Home or double-click: "
                       "whole run"));

  redraw_timer_.setSingleShot(true);
  connect(&redraw_timer_, &QTimer::timeout, this, &TimeChartWidget::redrawNow);
  connect(canvas_->chart(), &QChart::plotAreaChanged, this, &TimeChartWidget::onPlotAreaChanged);

  connect(view_, &ChartView::zoomRequested, this, [this](double factor, double anchor) {
    const TimeWindow w = window();
    zoomTime(factor, w.begin_s + anchor * w.span());
  });
  connect(view_, &ChartView::panRequested, this, [this](double widths) { panTime(widths * window().span()); });
  connect(view_, &ChartView::resetRequested, this, &TimeChartWidget::resetView);
  connect(view_, &ChartView::followRequested, this, &TimeChartWidget::follow);

  // The same actions in the context menu; their shortcuts only while the
  // chart has focus: End and Home belong to text fields elsewhere, and a
  // dashboard holds several charts.
  auto* follow_action = new QAction(tr("Follow the latest data"), this);
  follow_action->setShortcut(Qt::Key_End);
  follow_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  connect(follow_action, &QAction::triggered, this, &TimeChartWidget::follow);
  auto* reset_action = new QAction(tr("Show the whole run"), this);
  reset_action->setShortcut(Qt::Key_Home);
  reset_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  connect(reset_action, &QAction::triggered, this, &TimeChartWidget::resetView);
  view_->addActions({follow_action, reset_action});
  view_->setContextMenuPolicy(Qt::ActionsContextMenu);
}

// The view (and with it the chart) goes first, while this widget and the
// canvas its signals reach are still whole.
TimeChartWidget::~TimeChartWidget() {
  redraw_timer_.stop();
  canvas_widget_->removeEventFilter(this);
  delete view_;
}

QSize TimeChartWidget::sizeHint() const { return {720, 320}; }
QSize TimeChartWidget::minimumSizeHint() const { return {240, 140}; }

void TimeChartWidget::setContent(ChartContent content) {
  content_ = std::move(content);
  contentChanged();
}

void TimeChartWidget::contentChanged() {
  canvas_->setContent(content_);
  requestRedraw();
}

void TimeChartWidget::setTitle(const QString& title) {
  content_.title = title;
  contentChanged();
}

std::size_t TimeChartWidget::addSeries(SeriesSpec spec, SeriesProvider provider) {
  content_.series.push_back(ChartSeries{std::move(spec), std::move(provider), true});
  contentChanged();
  return content_.series.size() - 1;
}

void TimeChartWidget::setSeriesVisible(std::size_t index, bool visible) {
  if (index >= content_.series.size()) return;
  content_.series[index].visible = visible;
  canvas_->setContent(content_);
  redrawSoon();  // the user's own click: no waiting for the live interval
}

void TimeChartWidget::setMarkers(std::vector<TimeMarker> markers) {
  content_.markers = std::move(markers);
  contentChanged();
}

void TimeChartWidget::setReferenceLines(std::vector<ReferenceLine> lines) {
  content_.reference_lines = std::move(lines);
  contentChanged();
}

template <typename F>
void TimeChartWidget::navigate(F&& change) {
  // The viewport clamps to the data it knows of: tell it where the data
  // ends now, or a showTime() before the first redraw would be clamped
  // to an empty timeline.
  updateExtent(canvas_->snapshot());
  const bool was_following = viewport_.follows();
  change(viewport_);
  if (viewport_.follows() != was_following) emit followingChanged(viewport_.follows());
  redrawSoon();
}

void TimeChartWidget::zoomTime(double factor, double anchor_s) {
  navigate([&](lh::chart::TimeViewport& v) { v.zoom(factor, anchor_s); });
}

void TimeChartWidget::panTime(double delta_s) {
  navigate([&](lh::chart::TimeViewport& v) { v.pan(delta_s); });
}

void TimeChartWidget::showTime(double t_s) {
  navigate([&](lh::chart::TimeViewport& v) { v.show_time(t_s); });
}

void TimeChartWidget::showRange(TimeWindow range) {
  navigate([&](lh::chart::TimeViewport& v) { v.show_range(range); });
}

void TimeChartWidget::follow() {
  navigate([](lh::chart::TimeViewport& v) { v.follow(); });
}

void TimeChartWidget::resetView() {
  navigate([](lh::chart::TimeViewport& v) { v.reset(); });
}

void TimeChartWidget::setTimeExtent(std::optional<TimeWindow> extent) { extent_ = extent; }

void TimeChartWidget::updateExtent(const ChartFrame& frame) {
  if (frame.has_data && extent_) {
    viewport_.set_data_extent(std::min(frame.first_s, extent_->begin_s), std::max(frame.last_s, extent_->end_s));
  } else if (frame.has_data) {
    viewport_.set_data_extent(frame.first_s, frame.last_s);
  } else if (extent_) {
    viewport_.set_data_extent(extent_->begin_s, extent_->end_s);
  }
}

void TimeChartWidget::setRedrawInterval(std::chrono::milliseconds interval) { redraw_interval_ = interval; }

void TimeChartWidget::requestRedraw() {
  if (!redraw_timer_.isActive()) redraw_timer_.start(redraw_interval_);
}

void TimeChartWidget::redrawSoon() { redraw_timer_.start(0); }

std::size_t TimeChartWidget::plotColumns() const {
  const QRectF plot = canvas_->plotArea();
  // Before the first layout the plot is unknown: most of the width is a
  // good guess, and plotAreaChanged corrects it.
  const double width = plot.width() > 1 ? plot.width() : view_->width() * 0.85;
  return static_cast<std::size_t>(std::max(1.0, std::ceil(width * devicePixelRatioF())));
}

void TimeChartWidget::redrawNow() {
  redraw_timer_.stop();
  const ChartFrame frame = canvas_->snapshot();
  updateExtent(frame);
  drawn_pixel_ratio_ = devicePixelRatioF();
  last_draw_ = canvas_->draw(frame, viewport_.window(), plotColumns());
  if (!(drawn_window_ == viewport_.window())) {
    drawn_window_ = viewport_.window();
    emit windowChanged(drawn_window_.begin_s, drawn_window_.end_s);
  }
  emit redrawn();
}

void TimeChartWidget::onPlotAreaChanged(const QRectF& plot) {
  const double columns = std::ceil(plot.width() * devicePixelRatioF());
  if (std::abs(columns - static_cast<double>(last_draw_.columns)) > kColumnTolerance) redrawSoon();
}

void TimeChartWidget::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  redrawSoon();
}

void TimeChartWidget::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
    applyPalette();
    redrawSoon();
  }
}

void TimeChartWidget::applyPalette() {
  const ChartColours colours = chart_colours_for(palette());
  canvas_->setColours(colours);
  view_->setBackgroundBrush(colours.background);
}

bool TimeChartWidget::eventFilter(QObject* watched, QEvent* event) {
  // Moved to a screen with another device pixel ratio: the plot has more
  // (or fewer) pixel columns now. Qt 6.4 sends no event for it to widgets,
  // but the view repaints.
  if (watched == canvas_widget_ && event->type() == QEvent::Paint && devicePixelRatioF() != drawn_pixel_ratio_) {
    redrawSoon();
  }
  return QWidget::eventFilter(watched, event);
}

std::span<const lh::chart::Point> TimeChartWidget::shownPoints(std::size_t index) const {
  return canvas_->shownPoints(index);
}

void TimeChartWidget::renderTo(QPainter& painter, const QRectF& target, const RenderOptions& options) const {
  render_chart(content_, window(), painter, target, options);
}

QImage TimeChartWidget::toImage(QSize size, qreal device_pixel_ratio, const QPalette& palette) const {
  return render_chart_image(content_, window(), size, device_pixel_ratio, palette);
}

}  // namespace lh::ui::charts
