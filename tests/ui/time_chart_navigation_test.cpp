#include <QChartView>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <catch2/catch.hpp>
#include <memory>

#include "chart_probe.h"
#include "charts/series_providers.h"
#include "charts/time_chart_widget.h"

using namespace Qt::StringLiterals;
using namespace lh::ui::charts;
using namespace lh::ui::charts::test;
using Mode = lh::chart::TimeViewport::Mode;

namespace {

// A live series: each snapshot shows the samples "arrived" so far, the way
// a store publishes a longer prefix of the same data.
struct LiveFeed {
  std::shared_ptr<SeriesColumns> columns = std::make_shared<SeriesColumns>();
  std::shared_ptr<std::size_t> arrived = std::make_shared<std::size_t>(0);

  explicit LiveFeed(double duration_s) {
    for (double t = 0; t <= duration_s; t += 1) {
      columns->t_s.push_back(t);
      columns->values.push_back(200 + t * 0.1);
    }
  }
  void arrive_until(double t_s) { *arrived = static_cast<std::size_t>(t_s) + 1; }
  SeriesProvider provider() const {
    return [c = columns, n = arrived] {
      const std::size_t k = std::min(*n, c->t_s.size());
      return SeriesSnapshot{std::span(c->t_s).first(k), std::span(c->values).first(k), c};
    };
  }
};

ChartContent live_content(const LiveFeed& feed) {
  ChartContent content;
  content.left_axis = {u"Memory (MiB)"_s, true};
  content.series.push_back({SeriesSpec{u"rss"_s, ValueAxis::left, -1}, feed.provider(), true});
  return content;
}

QWidget* canvas_of(TimeChartWidget& widget) { return widget.findChild<QChartView*>()->viewport(); }

QPoint plot_point(TimeChartWidget& widget, double share_across) {
  const QRectF plot = chart_of(widget)->plotArea();
  return QPointF(plot.left() + share_across * plot.width(), plot.center().y()).toPoint();
}

void wheel(TimeChartWidget& widget, QPoint at, int notches) {
  QWheelEvent event(at, canvas_of(widget)->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(canvas_of(widget), &event);
}

}  // namespace

TEST_CASE("a live chart follows the data until the user zooms") {
  LiveFeed feed(3600);
  TimeChartWidget widget;
  widget.resize(800, 300);
  widget.setContent(live_content(feed));
  settle(widget);
  QSignalSpy following(&widget, &TimeChartWidget::followingChanged);

  feed.arrive_until(20);
  widget.redrawNow();
  CHECK(widget.isFollowing());
  CHECK(widget.window() == TimeWindow{0, 60});  // a fresh run shows its first minute
  feed.arrive_until(900);
  widget.redrawNow();
  CHECK(widget.window() == TimeWindow{0, 900});  // then the whole run as it grows

  wheel(widget, plot_point(widget, 0.5), 2);  // zoom in around the middle
  CHECK_FALSE(widget.isFollowing());
  REQUIRE(following.count() == 1);
  CHECK(following.at(0).at(0).toBool() == false);
  const TimeWindow zoomed = widget.window();
  CHECK(zoomed.span() < 900);
  CHECK((zoomed.begin_s + zoomed.end_s) / 2 == Approx(450).margin(5));

  feed.arrive_until(1500);
  widget.redrawNow();
  CHECK(widget.window() == zoomed);  // new data no longer moves it

  QTest::keyClick(canvas_of(widget), Qt::Key_End);  // follow again, at the zoomed width
  widget.redrawNow();
  CHECK(widget.isFollowing());
  CHECK(widget.window().end_s == Approx(1500));
  CHECK(widget.window().span() == Approx(zoomed.span()));
  feed.arrive_until(1600);
  widget.redrawNow();
  CHECK(widget.window().end_s == Approx(1600));

  QTest::keyClick(canvas_of(widget), Qt::Key_Home);  // the whole run
  widget.redrawNow();
  CHECK(widget.viewMode() == Mode::whole_run);
  CHECK(widget.window() == TimeWindow{0, 1600});
}

TEST_CASE("dragging pans the time axis and stops following") {
  LiveFeed feed(3600);
  feed.arrive_until(3600);
  TimeChartWidget widget;
  widget.resize(800, 300);
  widget.setContent(live_content(feed));
  settle(widget);
  widget.zoomTime(0.25, 1800);
  widget.follow();
  widget.redrawNow();
  REQUIRE(widget.isFollowing());
  const TimeWindow before = widget.window();

  QWidget* canvas = canvas_of(widget);
  const QPoint from = plot_point(widget, 0.6), to = plot_point(widget, 0.8);
  QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
  QTest::mouseMove(canvas, to);
  QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, to);
  widget.redrawNow();
  CHECK_FALSE(widget.isFollowing());
  // Dragged a fifth of the plot to the right: the view went back in time.
  CHECK(widget.window().end_s == Approx(before.end_s - 0.2 * before.span()).margin(before.span() * 0.01));
  CHECK(widget.window().span() == Approx(before.span()));

  QTest::keyClick(canvas, Qt::Key_Left);
  CHECK(widget.window().end_s < before.end_s - 0.25 * before.span());
}

TEST_CASE("show time moves the chart to an event") {
  LiveFeed feed(7200);
  feed.arrive_until(7200);
  TimeChartWidget widget;
  widget.resize(800, 300);
  widget.setContent(live_content(feed));
  settle(widget);
  widget.zoomTime(0.1, 7200);
  widget.follow();
  QSignalSpy moved(&widget, &TimeChartWidget::windowChanged);

  widget.showTime(2500);  // before any redraw: the chart must still know its data
  widget.redrawNow();
  CHECK_FALSE(widget.isFollowing());
  CHECK(widget.window().contains(2500));
  CHECK((widget.window().begin_s + widget.window().end_s) / 2 == Approx(2500));
  CHECK(widget.window().span() == Approx(720));
  REQUIRE(moved.count() >= 1);
  CHECK(moved.last().at(0).toDouble() == Approx(widget.window().begin_s));
  // The drawn lines cover that window.
  const auto lines = drawn_lines(widget);
  const auto& runs = lines.at(u"rss"_s);
  CHECK(runs.front().front().x() <= widget.window().begin_s);
  CHECK(runs.back().back().x() >= widget.window().end_s);
}

TEST_CASE("a double click shows the whole run") {
  LiveFeed feed(1000);
  feed.arrive_until(1000);
  TimeChartWidget widget;
  widget.resize(800, 300);
  widget.setContent(live_content(feed));
  settle(widget);
  widget.showRange({100, 200});
  REQUIRE_FALSE(widget.isFollowing());
  QTest::mouseDClick(canvas_of(widget), Qt::LeftButton, Qt::NoModifier, plot_point(widget, 0.5));
  widget.redrawNow();
  CHECK(widget.isFollowing());
  CHECK(widget.window() == TimeWindow{0, 1000});
}

TEST_CASE("charts given one time extent show one window though their data end apart") {
  LiveFeed probes(600), load(600);
  probes.arrive_until(300);
  load.arrive_until(299);  // the load's rows end a second earlier
  TimeChartWidget a, b;
  a.setContent(live_content(probes));
  b.setContent(live_content(load));
  a.setTimeExtent(TimeWindow{0, 300});
  b.setTimeExtent(TimeWindow{0, 300});
  settle(a);
  settle(b);
  CHECK(a.window() == b.window());
  CHECK(b.window().end_s == 300);

  // Showing a range near the end is not clamped to the shorter data.
  b.showRange({250, 300});
  QApplication::processEvents();
  CHECK(b.window().end_s == 300);

  // Without an extent each follows its own data.
  b.setTimeExtent(std::nullopt);
  b.resetView();
  b.redrawNow();
  CHECK(b.window().end_s == 299);
}
