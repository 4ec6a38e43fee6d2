#include "dashboard/chart_group.h"

#include <algorithm>
#include <cmath>

namespace lh::ui {

using charts::TimeChartWidget;
using Mode = lh::chart::TimeViewport::Mode;

namespace {

using std::chrono::milliseconds;
// The charts' merged redraws: at most 4 Hz, as the feed polls.
constexpr milliseconds kRedrawInterval{250};
// Redraws of the group spread over this much of the interval, at most this far apart.
constexpr milliseconds kStaggerSpan{200};
constexpr milliseconds kMaxStagger{20};

bool same_window(const charts::TimeWindow& a, const charts::TimeWindow& b) {
  const double tolerance = 1e-6 * std::max(1.0, a.span());
  return std::abs(a.begin_s - b.begin_s) <= tolerance && std::abs(a.end_s - b.end_s) <= tolerance;
}

}  // namespace

ChartGroup::ChartGroup(QObject* parent) : QObject(parent) {}

void ChartGroup::add(TimeChartWidget* chart) {
  if (!chart || std::find(charts_.begin(), charts_.end(), chart) != charts_.end()) return;
  // A newcomer takes the group's current view.
  if (!charts_.empty() && charts_.front()) {
    TimeChartWidget* first = charts_.front();
    syncing_ = true;
    if (first->viewMode() == Mode::whole_run) {
      chart->resetView();
    } else {
      chart->showRange(first->window());
      if (first->viewMode() == Mode::follow) chart->follow();
    }
    syncing_ = false;
  }
  chart->setTimeExtent(extent_);
  charts_.emplace_back(chart);
  connect(chart, &TimeChartWidget::windowChanged, this,
          [this, chart](double begin_s, double end_s) { onWindowChanged(chart, begin_s, end_s); });
  connect(chart, &TimeChartWidget::followingChanged, this,
          [this, chart](bool following) { onFollowingChanged(chart, following); });
}

void ChartGroup::remove(TimeChartWidget* chart) {
  if (!chart) return;
  disconnect(chart, nullptr, this, nullptr);
  std::erase(charts_, chart);
}

void ChartGroup::clear() {
  for (const auto& chart : charts_) {
    if (chart) disconnect(chart, nullptr, this, nullptr);
  }
  charts_.clear();
}

bool ChartGroup::isFollowing() const {
  for (const auto& chart : charts_) {
    if (chart) return chart->isFollowing();
  }
  return true;
}

template <typename F>
void ChartGroup::forEach(F&& f) {
  std::erase_if(charts_, [](const QPointer<TimeChartWidget>& c) { return c.isNull(); });
  const bool was_following = isFollowing();
  syncing_ = true;
  for (const auto& chart : charts_) f(*chart);
  syncing_ = false;
  if (isFollowing() != was_following) emit followingChanged(isFollowing());
}

void ChartGroup::showTime(double t_s) {
  forEach([t_s](TimeChartWidget& c) { c.showTime(t_s); });
}

void ChartGroup::follow() {
  forEach([](TimeChartWidget& c) { c.follow(); });
}

void ChartGroup::resetView() {
  forEach([](TimeChartWidget& c) { c.resetView(); });
}

void ChartGroup::zoom(double factor) {
  if (charts_.empty() || !charts_.front()) return;
  const charts::TimeWindow w = charts_.front()->window();
  const double anchor = isFollowing() ? w.end_s : (w.begin_s + w.end_s) / 2;
  forEach([&](TimeChartWidget& c) {
    c.showRange(w);
    c.zoomTime(factor, anchor);
  });
}

void ChartGroup::setTimeExtent(std::optional<charts::TimeWindow> extent) {
  extent_ = extent;
  for (const auto& chart : charts_) {
    if (chart) chart->setTimeExtent(extent);
  }
}

void ChartGroup::requestRedraw() {
  // One chart at a time, a few milliseconds apart within the interval: each
  // then repaints on its own turn of the event loop. All at once, fifteen
  // charts held the GUI thread for one paint of 50-70 ms
  // (bench/desktop: stall); apart, the longest is one chart's few ms.
  const auto step = std::min(kMaxStagger, kStaggerSpan / static_cast<int>(std::max<std::size_t>(1, charts_.size())));
  auto interval = kRedrawInterval;
  for (const auto& chart : charts_) {
    if (!chart) continue;
    chart->setRedrawInterval(interval);
    chart->requestRedraw();
    interval -= step;
  }
}

// A chart the user zoomed or panned: the others take its window. Windows
// the group set itself come back here too, equal, and stop.
void ChartGroup::onWindowChanged(TimeChartWidget* source, double begin_s, double end_s) {
  if (syncing_ || source->isFollowing()) return;
  const charts::TimeWindow w{begin_s, end_s};
  syncing_ = true;
  for (const auto& chart : charts_) {
    if (chart && chart != source && (chart->isFollowing() || !same_window(chart->window(), w))) chart->showRange(w);
  }
  syncing_ = false;
}

void ChartGroup::onFollowingChanged(TimeChartWidget* source, bool following) {
  if (syncing_) return;
  syncing_ = true;
  for (const auto& chart : charts_) {
    if (!chart || chart == source) continue;
    if (!following) {
      chart->showRange(source->window());
    } else if (source->viewMode() == Mode::whole_run) {
      chart->resetView();
    } else {
      chart->showRange(source->window());
      chart->follow();
    }
  }
  syncing_ = false;
  emit followingChanged(following);
}

}  // namespace lh::ui
