#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

#include "chart_probe.h"
#include "charts/time_chart_widget.h"
#include "common/clock.h"
#include "dashboard/chart_group.h"
#include "dashboard/dashboard_panel.h"
#include "dashboard/series_list_model.h"
#include "dashboard/session_feed.h"
#include "demo_target.h"
#include "fed_store.h"
#include "probe/sampler.h"
#include "wait_until.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using lh::ui::DashboardPanel;
using lh::ui::SessionFeed;
using lh::ui::charts::MarkerKind;
using lh::ui::charts::TimeChartWidget;
using lh::ui::test::FedStore;
using lh::ui::test::wait_until;

namespace {

double last_shown_t(TimeChartWidget* chart, std::size_t series = 0) {
  const auto points = chart->shownPoints(series);
  for (auto it = points.rbegin(); it != points.rend(); ++it) {
    if (!std::isnan(it->value)) return it->t_s;
  }
  return -1;
}

bool has_marker(TimeChartWidget* chart, MarkerKind kind) {
  const auto& markers = chart->content().markers;
  return std::any_of(markers.begin(), markers.end(), [kind](const auto& m) { return m.kind == kind; });
}

}  // namespace

TEST_CASE("the dashboard follows a store that a writer thread fills") {
  FedStore fed(1.0, 1ms);
  SessionFeed feed;
  feed.setInterval(50ms);
  DashboardPanel dashboard(&feed);
  dashboard.resize(1200, 800);
  dashboard.show();
  feed.bind(fed.view(true));
  // Written until stop(): a writer bounded to a few hundred rows could be
  // done before a busy machine let the dashboard look once, and then
  // nothing would be left to follow.
  fed.start();

  TimeChartWidget* headline = dashboard.headlineChart();
  REQUIRE(wait_until([&] { return last_shown_t(headline) >= 100; }));
  const double seen = last_shown_t(headline);
  REQUIRE(wait_until([&] { return last_shown_t(headline) > seen + 50; }));
  fed.stop();
  feed.poll();
  dashboard.chartGroup()->requestRedraw();
  // Every chart has drawn the last row.
  const double last = static_cast<double>(fed.rows() - 1);
  REQUIRE(wait_until([&] {
    return headline->window().end_s == last && last_shown_t(dashboard.throughputChart()) >= last - 1 &&
           last_shown_t(dashboard.latencyChart()) >= last - 1;
  }));

  const auto& headline_content = headline->content();
  REQUIRE(headline_content.series.size() == 2);
  CHECK(headline_content.series[0].spec.name == u"memory.rss_mb"_s);
  CHECK(headline_content.left_axis.title == u"Memory (MiB)"_s);
  REQUIRE(headline_content.right_axis);
  CHECK(headline_content.right_axis->title == u"CPU (%)"_s);
  CHECK(headline_content.series[1].spec.axis == lh::ui::charts::ValueAxis::right);
  REQUIRE(headline_content.reference_lines.size() == 1);
  CHECK(headline_content.reference_lines[0].value == 1024);
  CHECK(headline_content.reference_lines[0].label.contains(u"1.00 GiB"_s));

  // Throughput, errors and latency from the load group.
  CHECK(dashboard.throughputChart()->content().series.size() == 2);
  CHECK(dashboard.latencyChart()->content().series.size() == 2);
  CHECK(last_shown_t(dashboard.throughputChart()) == Approx(fed.rows() - 1).margin(1));
  CHECK(last_shown_t(dashboard.latencyChart()) == Approx(fed.rows() - 1).margin(1));

  // The restart and the stage change are marked on every chart.
  for (TimeChartWidget* chart : {headline, dashboard.throughputChart(), dashboard.latencyChart()}) {
    CHECK(has_marker(chart, MarkerKind::restart));
    CHECK(has_marker(chart, MarkerKind::stage));
  }
  // One time axis for all.
  CHECK(dashboard.throughputChart()->window() == headline->window());
  CHECK(dashboard.latencyChart()->window() == headline->window());
  CHECK(headline->window().end_s == Approx(fed.rows() - 1));
}

TEST_CASE("zooming, following and showing a moment move every chart together") {
  FedStore fed;
  fed.write(600);
  SessionFeed feed;
  DashboardPanel dashboard(&feed);
  dashboard.resize(1200, 800);
  dashboard.show();
  feed.bind(fed.view(false));
  TimeChartWidget* headline = dashboard.headlineChart();
  TimeChartWidget* latency = dashboard.latencyChart();
  REQUIRE(wait_until([&] { return headline->window().end_s == 599; }));
  CHECK(dashboard.followAction()->isChecked());

  headline->zoomTime(0.25, 300);  // as the wheel does
  REQUIRE(wait_until([&] { return !dashboard.followAction()->isChecked() && latency->window() == headline->window(); }));
  CHECK_FALSE(headline->isFollowing());
  CHECK_FALSE(dashboard.followAction()->isChecked());
  CHECK(latency->window() == headline->window());
  CHECK(headline->window().span() < 200);

  const auto zoomed = headline->window();
  latency->panTime(-50);  // dragging another chart moves the headline too
  REQUIRE(wait_until([&] { return !(headline->window() == zoomed) && headline->window() == latency->window(); }));

  dashboard.showTime(120);  // an event picked in the list
  REQUIRE(wait_until([&] { return std::abs((headline->window().begin_s + headline->window().end_s) / 2 - 120) < 1e-6; }));
  CHECK(dashboard.throughputChart()->window() == headline->window());

  dashboard.followAction()->trigger();
  REQUIRE(wait_until([&] { return headline->isFollowing() && latency->isFollowing(); }));
  CHECK(latency->isFollowing());
  CHECK(headline->window().end_s == Approx(599));

  dashboard.wholeRunAction()->trigger();
  REQUIRE(wait_until([&] { return latency->window().begin_s == 0; }));
  CHECK(latency->window().end_s == Approx(599));
}

TEST_CASE("a series ticked in the list gets a chart of its own") {
  FedStore fed;
  fed.write(100);
  SessionFeed feed;
  DashboardPanel dashboard(&feed);
  dashboard.show();
  feed.bind(fed.view(false));
  auto* model = dashboard.seriesModel();
  // Memory, CPU and the load's four are on the fixed charts already.
  REQUIRE(model->rowCount() == 1);
  CHECK(model->index(0).data().toString() == u"language_processor.cache_size"_s);
  CHECK(dashboard.extraCharts().empty());
  model->setChecked(fed.cache, true);
  REQUIRE(dashboard.extraCharts().size() == 1);
  TimeChartWidget* cache = dashboard.extraCharts().front();
  REQUIRE(wait_until([&] { return last_shown_t(cache) == 99; }));
  CHECK(cache->content().title == u"language_processor.cache_size"_s);
  CHECK(cache->window() == dashboard.headlineChart()->window());
  CHECK(dashboard.extraSeriesNames() == QStringList{u"language_processor.cache_size"_s});
  model->setChecked(fed.cache, false);
  CHECK(dashboard.extraCharts().empty());
}

TEST_CASE("the dashboard charts a real sampler's memory against the demo target") {
  lh::test::DemoTarget target({"--leak-kb-per-request", "64"});
  auto store = std::make_shared<lh::probe::SeriesStore>();
  lh::SessionClock clock;
  lh::probe::ProbeConfig config;
  config.sources.push_back(lh::probe::parse_source_spec("segmentation=" + target.url()));
  config.sources.push_back(lh::probe::parse_source_spec(target.url("/metrics")));
  config.interval = lh::Seconds(0.2);
  lh::probe::Sampler sampler(config, clock, *store);

  SessionFeed feed;
  feed.setInterval(100ms);
  DashboardPanel dashboard(&feed);
  dashboard.resize(1000, 700);
  dashboard.show();
  lh::ui::SessionView view;
  view.store = store;
  view.probe_group = sampler.group();
  view.live = true;
  feed.bind(view);
  sampler.start();
  TimeChartWidget* headline = dashboard.headlineChart();
  REQUIRE(wait_until([&] { return last_shown_t(headline) >= 1.0; }));
  sampler.stop();
  CHECK(headline->content().series.front().spec.name.contains(u"memory.rss_mb"_s));
  // CPU % from the Prometheus counter of the same service.
  REQUIRE(headline->content().series.size() == 2);
  CHECK(headline->content().series[1].spec.name.contains(u"cpu"_s));
  CHECK(headline->shownPoints(0).size() >= 5);
  // No load group: the load charts stay empty, and say what they are.
  CHECK(dashboard.throughputChart()->content().series.empty());
}
