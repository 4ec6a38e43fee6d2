#include <QCategoryAxis>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "chart_probe.h"
#include "charts/chart_colours.h"
#include "charts/series_providers.h"
#include "charts/time_chart_widget.h"

using namespace Qt::StringLiterals;
using namespace lh::ui::charts;
using namespace lh::ui::charts::test;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// n samples over [0, duration], a slow wave with one spike at `spike_at`.
std::shared_ptr<SeriesColumns> wave(std::size_t n, double duration, std::size_t spike_at, double spike = 5000) {
  auto c = std::make_shared<SeriesColumns>();
  for (std::size_t i = 0; i < n; ++i) {
    const double t = duration * static_cast<double>(i) / static_cast<double>(n - 1);
    c->t_s.push_back(t);
    c->values.push_back(i == spike_at ? spike : 500 + 100 * std::sin(t / 300) + static_cast<double>(i % 13));
  }
  return c;
}

ChartContent one_series(std::shared_ptr<SeriesColumns> data) {
  ChartContent content;
  content.left_axis = {u"Memory (MiB)"_s, true};
  content.series.push_back({SeriesSpec{u"rss"_s, ValueAxis::left, -1}, shared_series(std::move(data)), true});
  return content;
}

bool is_sample(const SeriesColumns& c, QPointF p) {
  const auto it = std::lower_bound(c.t_s.begin(), c.t_s.end(), p.x());
  for (auto i = it; i != c.t_s.end() && *i == p.x(); ++i) {
    if (c.values[static_cast<std::size_t>(i - c.t_s.begin())] == p.y()) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the chart draws a few real samples per pixel column, peaks included", "[dpr]") {
  const auto data = wave(200'000, 7200, 123'457);
  TimeChartWidget widget;
  widget.resize(900, 360);
  widget.setContent(one_series(data));
  settle(widget);

  const QRectF plot = chart_of(widget)->plotArea();
  const std::size_t columns = widget.lastDraw().columns;
  INFO("plot " << plot.width() << " px wide at device pixel ratio " << widget.devicePixelRatioF() << ", " << columns
               << " columns");
  // The budget is the plot's width in device pixels, not a constant.
  CHECK(std::abs(static_cast<double>(columns) - plot.width() * widget.devicePixelRatioF()) <= 3);

  const auto lines = drawn_lines(widget);
  REQUIRE(lines.count(u"rss"_s) == 1);
  const auto& runs = lines.at(u"rss"_s);
  CHECK(runs.size() == 1);  // no gaps, one line
  const std::size_t points = point_count(runs);
  CHECK(points <= 4 * columns + 2);
  CHECK(points >= columns);  // every column shows something
  CHECK(points == widget.lastDraw().points);
  bool spike = false;
  for (QPointF p : runs[0]) {
    REQUIRE(is_sample(*data, p));
    spike |= p.y() == 5000;
  }
  CHECK(spike);
  CHECK(widget.window().end_s == Approx(7200));

  // Half the width, half the budget.
  widget.resize(450, 360);
  settle(widget);
  CHECK(widget.lastDraw().columns < columns * 6 / 10);
  CHECK(point_count(drawn_lines(widget).at(u"rss"_s)) <= 4 * widget.lastDraw().columns + 2);
}

TEST_CASE("a gap in the data is a break in the line", "[dpr]") {
  auto data = wave(10'000, 1000, 10);
  for (std::size_t i = 4000; i < 4500; ++i) data->values[i] = kNaN;
  data->values[7000] = kNaN;  // a one-sample gap, narrower than a column
  TimeChartWidget widget;
  widget.resize(800, 300);
  widget.setContent(one_series(data));
  settle(widget);

  const auto lines = drawn_lines(widget);
  CHECK(lines.at(u"rss"_s).size() == 3);
  CHECK(widget.lastDraw().runs == 3);

  // On screen: ink left and right of the gap, none inside it.
  const QImage image = widget.grab().toImage();
  const ChartColours colours = chart_colours_for(widget.palette());
  const Ink ink{colours.series(0), colours.background};
  const QRectF plot = chart_of(widget)->plotArea();
  const qreal dpr = image.devicePixelRatio();
  auto ink_at = [&](double t) {
    const int x = qRound(widget_point(widget, t, 0).x() * dpr);
    return pixels_in_column(image, x, qRound(plot.top() * dpr) + 2, qRound(plot.bottom() * dpr) - 2, ink);
  };
  CHECK(ink_at(300) > 0);
  CHECK(ink_at(600) > 0);
  for (double t = 406; t < 446; t += 2) {
    INFO("t = " << t);
    CHECK(ink_at(t) == 0);
  }

  // Zoomed in between the gaps, a single line again.
  widget.showRange({500, 650});
  widget.redrawNow();
  CHECK(drawn_lines(widget).at(u"rss"_s).size() == 1);
}

TEST_CASE("memory on the left and CPU on the right, each on its own scale") {
  ChartContent content = one_series(wave(5000, 600, 1));
  content.right_axis = AxisSpec{u"CPU (%)"_s, true};
  content.series.push_back({SeriesSpec{u"cpu"_s, ValueAxis::right, -1}, fixed_series({0, 300, 600}, {12, 88, 40}), true});
  TimeChartWidget widget;
  widget.resize(800, 300);
  widget.setContent(content);
  settle(widget);

  QValueAxis* mem_axis = value_axis(widget, Qt::AlignLeft);
  QValueAxis* cpu_axis = value_axis(widget, Qt::AlignRight);
  REQUIRE(mem_axis);
  REQUIRE(cpu_axis);
  CHECK(mem_axis->titleText() == u"Memory (MiB)"_s);
  CHECK(cpu_axis->titleText() == u"CPU (%)"_s);
  CHECK(cpu_axis->min() == 0);
  CHECK(cpu_axis->max() >= 88);
  CHECK(cpu_axis->max() <= 100);
  CHECK(mem_axis->max() >= 5000);  // the spike is in view

  // The CPU peak is drawn against the right axis, not the left one.
  const QImage image = widget.grab().toImage();
  const ChartColours colours = chart_colours_for(widget.palette());
  const Ink cpu_ink{colours.subdued(colours.series(1)), colours.background};
  CHECK(pixels_near(image, widget_point(widget, 300, 88, Qt::AlignRight), 2, cpu_ink) > 0);
  CHECK(pixels_near(image, widget_point(widget, 300, 88, Qt::AlignLeft), 2, cpu_ink) == 0);
}

TEST_CASE("the time axis reads in elapsed time") {
  TimeChartWidget widget;
  widget.resize(800, 300);
  widget.setContent(one_series(wave(1000, 4 * 3600, 1)));
  settle(widget);
  QCategoryAxis* axis = nullptr;
  for (QAbstractAxis* a : chart_of(widget)->axes(Qt::Horizontal)) axis = qobject_cast<QCategoryAxis*>(a);
  REQUIRE(axis);
  const QStringList labels = axis->categoriesLabels();
  REQUIRE(labels.size() >= 3);
  const QRegularExpression clock(u"^\\d\\d:\\d\\d:\\d\\d$"_s);
  for (const QString& label : labels) CHECK(clock.match(label).hasMatch());
  CHECK(labels.contains(u"01:00:00"_s));
  CHECK(axis->min() == 0);
  CHECK(axis->max() == Approx(4 * 3600));
}

TEST_CASE("restart markers and the memory limit are drawn where they belong", "[dpr]") {
  ChartContent content = one_series(wave(3000, 3000, 1, 600));
  content.markers = {{1000, u"restart"_s, MarkerKind::restart}, {2000, u"stage 2"_s, MarkerKind::stage}};
  content.reference_lines = {{900, u"limit"_s, ValueAxis::left, true}};
  TimeChartWidget widget;
  widget.resize(800, 320);
  widget.setContent(content);
  settle(widget);

  const QRectF plot = chart_of(widget)->plotArea();
  const qreal dpr = widget.devicePixelRatioF();
  const QImage image = widget.grab().toImage();
  REQUIRE(image.width() == qRound(widget.width() * dpr));
  const ChartColours colours = chart_colours_for(widget.palette());
  const TimeWindow w = widget.window();
  auto column_at = [&](double t) { return qRound((plot.left() + (t - w.begin_s) / w.span() * plot.width()) * dpr); };
  const int top = qRound(plot.top() * dpr), bottom = qRound(plot.bottom() * dpr);
  auto best_column = [&](double t, const QColor& colour) {
    int best = 0;
    const Ink ink{colour, colours.background};
    for (int dx = -2; dx <= 2; ++dx) best = std::max(best, pixels_in_column(image, column_at(t) + dx, top, bottom, ink));
    return best;
  };

  const QColor restart = colours.marker(MarkerKind::restart);
  INFO("plot " << plot.height() * dpr << " device pixels tall");
  CHECK(best_column(1000, restart) > (bottom - top) / 4);  // a dashed line down the plot
  CHECK(best_column(1500, restart) < 5);                   // and only there
  CHECK(best_column(2000, colours.marker(MarkerKind::stage)) > (bottom - top) / 4);

  // The axis kept the limit in view: find its row from the axis range.
  QValueAxis* axis = value_axis(widget, Qt::AlignLeft);
  REQUIRE(axis);
  REQUIRE(axis->max() >= 900);
  const double y = plot.bottom() - (900 - axis->min()) / (axis->max() - axis->min()) * plot.height();
  int best_row = 0;
  for (int dy = -2; dy <= 2; ++dy) {
    best_row = std::max(best_row, pixels_in_row(image, qRound(y * dpr) + dy, qRound(plot.left() * dpr),
                                                qRound(plot.right() * dpr), Ink{colours.reference_line(), colours.background}));
  }
  CHECK(best_row > plot.width() * dpr / 3);
}

TEST_CASE("a limit far above the data keeps the data's height and says where it is: one label for one restart",
          "[dpr]") {
  // Memory around 500-610 MiB; an 8 GiB limit is more than 4x above it.
  ChartContent content = one_series(wave(3000, 3000, 1, 600));
  content.reference_lines = {{8192, u"limit 8.00 GiB"_s, ValueAxis::left, true}};
  // Two probes of one service each report its restart, a second apart.
  content.markers = {{1000, u"restart"_s, MarkerKind::restart}, {1001, u"restart"_s, MarkerKind::restart}};
  TimeChartWidget widget;
  widget.resize(800, 320);
  widget.setContent(content);
  settle(widget);

  QValueAxis* axis = value_axis(widget, Qt::AlignLeft);
  REQUIRE(axis);
  CHECK(axis->max() < 1000);  // not widened to 8192: the data keeps the plot's height

  const QRectF plot = chart_of(widget)->plotArea();
  const qreal dpr = widget.devicePixelRatioF();
  const QImage image = widget.grab().toImage();
  const ChartColours colours = chart_colours_for(widget.palette());
  auto ink_in = [&](QRectF box, const QColor& colour) {
    int n = 0;
    const Ink ink{colour, colours.background};
    for (int y = qRound(box.top() * dpr); y < qRound(box.bottom() * dpr); ++y)
      n += pixels_in_row(image, y, qRound(box.left() * dpr), qRound(box.right() * dpr), ink);
    return n;
  };
  // The limit's label, at the right below the two rows of marker labels.
  const qreal row = QFontMetricsF(widget.font()).height() + 2;
  CHECK(ink_in(QRectF(plot.right() - 160, plot.top() + 2 * row, 160, 2 * row), colours.reference_line()) > 20);
  // One restart label: its first row has text, the second none.
  const qreal x = widget_point(widget, 1000, 0).x();
  const QColor restart = colours.marker(MarkerKind::restart);
  CHECK(ink_in(QRectF(x + 4, plot.top() + 2, 40, row - 2), restart) > 10);
  CHECK(ink_in(QRectF(x + 4, plot.top() + 2 + row, 40, row - 2), restart) == 0);

  // A limit within 4x of the data's top is brought into view, line and all.
  content.reference_lines = {{2000, u"limit"_s, ValueAxis::left, true}};
  widget.setContent(content);
  settle(widget);
  CHECK(value_axis(widget, Qt::AlignLeft)->max() >= 2000);
}

TEST_CASE("a hidden series is not drawn") {
  ChartContent content = one_series(wave(1000, 100, 1));
  content.series.push_back({SeriesSpec{u"heap"_s, ValueAxis::left, -1}, shared_series(wave(1000, 100, 2)), true});
  TimeChartWidget widget;
  widget.resize(600, 300);
  widget.setContent(content);
  settle(widget);
  CHECK(drawn_lines(widget).count(u"heap"_s) == 1);
  widget.setSeriesVisible(1, false);
  widget.redrawNow();
  CHECK(drawn_lines(widget).count(u"heap"_s) == 0);
  CHECK(drawn_lines(widget).count(u"rss"_s) == 1);
}

TEST_CASE("redraw requests merge into one redraw per interval") {
  TimeChartWidget widget;
  widget.resize(600, 300);
  widget.setContent(one_series(wave(1000, 100, 1)));
  settle(widget);
  widget.setRedrawInterval(std::chrono::milliseconds(80));
  QSignalSpy redrawn(&widget, &TimeChartWidget::redrawn);
  for (int i = 0; i < 200; ++i) widget.requestRedraw();
  CHECK(redrawn.count() == 0);  // nothing synchronous
  REQUIRE(redrawn.wait(2000));
  CHECK(redrawn.count() == 1);
  // One more request after it: its redraw comes after any the burst still
  // had queued, so the count then shows there were none.
  widget.requestRedraw();
  REQUIRE(QTest::qWaitFor([&] { return redrawn.count() >= 2; }, 2000));
  CHECK(redrawn.count() == 2);
}

TEST_CASE("an empty chart draws axes and no lines") {
  TimeChartWidget widget;
  widget.resize(600, 300);
  widget.setContent(one_series(std::make_shared<SeriesColumns>()));
  settle(widget);
  CHECK(drawn_lines(widget).empty());
  CHECK(widget.window() == TimeWindow{0, 60});
  CHECK_FALSE(widget.grab().toImage().isNull());
}

// Qt Charts lays an axis' ticks out on every change: a new range at the old
// tick interval, for a moment, meant one tick item per 0.2 of 0 … 1,000,000
// (errors/s jumping from 0 to thousands against a misbehaving server froze
// the desktop for the whole run). No moment may hold more ticks than a few
// dozen, whichever way the scale moves.
TEST_CASE("a value axis never lays out more ticks than it shows, even for a moment, when its scale jumps") {
  TimeChartWidget widget;
  widget.resize(800, 300);
  widget.setContent(one_series(std::make_shared<SeriesColumns>(SeriesColumns{{0, 1, 2}, {0.2, 0.5, 1}})));
  settle(widget);
  QValueAxis* axis = value_axis(widget, Qt::AlignLeft);
  REQUIRE(axis);
  double most = 0;
  auto count = [&] { most = std::max(most, (axis->max() - axis->min()) / axis->tickInterval()); };
  QObject::connect(axis, &QValueAxis::rangeChanged, count);
  QObject::connect(axis, &QValueAxis::tickIntervalChanged, count);

  widget.setContent(one_series(std::make_shared<SeriesColumns>(SeriesColumns{{0, 1, 2}, {2e5, 6e5, 1e6}})));
  widget.redrawNow();
  CHECK(axis->max() >= 1e6);
  widget.setContent(one_series(std::make_shared<SeriesColumns>(SeriesColumns{{0, 1, 2}, {0.2, 0.5, 1}})));
  widget.redrawNow();
  CHECK(axis->max() <= 2);
  CHECK(most > 0);
  CHECK(most <= 64);
}
