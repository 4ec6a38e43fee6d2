// chart_bench: how long one redraw of the headline chart takes with a
// million samples per series. Reduction alone (lh::chart::reduce_m4) and a
// full redraw (snapshot, reduce, hand the lines and axes their frame, then
// paint the widget into an image) are timed separately; medians over
// rounds. Each figure is given as wall time and as the thread's CPU time:
// on a machine shared with other builds the wall time includes waiting for
// a core, the CPU time does not.
//
//   QT_QPA_PLATFORM=offscreen build/bench/ui/chart_bench [--samples N] [--rounds N] [--width px]
#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

#include "chart/reduce.h"
#include "charts/time_chart_widget.h"
#include "demo_session.h"

using namespace Qt::StringLiterals;
using namespace lh::ui::charts;
using Clock = std::chrono::steady_clock;

namespace {

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Wall and CPU time of one step.
class Stopwatch {
 public:
  Stopwatch() : wall_(Clock::now()), cpu_(thread_cpu_ms()) {}
  void stop(std::vector<double>& wall, std::vector<double>& cpu) const {
    wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - wall_).count());
    cpu.push_back(thread_cpu_ms() - cpu_);
  }

 private:
  Clock::time_point wall_;
  double cpu_;
};

struct Timings {
  std::vector<double> wall, cpu;
};

struct Summary {
  double median = 0;
  double p90 = 0;
  double max = 0;
};

Summary summarise(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 9 / 10)], v.back()};
}

void print(const char* what, const Timings& t) {
  const Summary wall = summarise(t.wall), cpu = summarise(t.cpu);
  std::printf("  %-44s wall median %7.2f ms (p90 %7.2f)   cpu median %7.2f ms (p90 %7.2f)\n", what, wall.median,
              wall.p90, cpu.median, cpu.p90);
}

QByteArray load_average() {
  QFile f(u"/proc/loadavg"_s);
  return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray("?");
}

// Gaps every `every` samples: many short lines instead of one long one.
ChartContent with_gaps(ChartContent content, const lh::bench::DemoSession& s, std::size_t every) {
  auto gappy = std::make_shared<SeriesColumns>(*s.memory_mib);
  for (std::size_t i = every / 2; i < gappy->values.size(); i += every) gappy->values[i] = std::nan("");
  content.series[0].data = shared_series(gappy);
  return content;
}

void run(const char* title, TimeChartWidget& chart, const ChartContent& content, int rounds) {
  chart.setContent(content);
  chart.resetView();
  chart.redrawNow();
  QApplication::processEvents();
  chart.redrawNow();  // settled plot width

  const TimeWindow whole = chart.window();
  const std::size_t columns = chart.lastDraw().columns;
  QImage image(chart.size() * chart.devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(chart.devicePixelRatioF());

  std::vector<lh::chart::Point> buffer(lh::chart::reduced_capacity(columns));
  Timings reduce, redraw, paint, total;
  for (int round = 0; round < rounds; ++round) {
    // Alternate between two windows a column apart, so nothing is cached.
    const double shift = (round % 2) * whole.span() / static_cast<double>(columns);
    const TimeWindow window{whole.begin_s + shift, whole.end_s + shift};

    const Stopwatch reducing;
    for (const ChartSeries& s : content.series) {
      const SeriesSnapshot snap = s.data();
      lh::chart::reduce_m4(snap.t_s, snap.values, window, columns, buffer);
    }
    reducing.stop(reduce.wall, reduce.cpu);

    chart.showRange(window);
    const Stopwatch whole_redraw;
    const Stopwatch redrawing;
    chart.redrawNow();
    redrawing.stop(redraw.wall, redraw.cpu);
    const Stopwatch painting;
    {
      QPainter painter(&image);
      chart.render(&painter);
    }
    painting.stop(paint.wall, paint.cpu);
    whole_redraw.stop(total.wall, total.cpu);
  }
  std::printf("%s: %zu pixel columns, %zu points drawn, %zu lines\n", title, columns, chart.lastDraw().points,
              chart.lastDraw().runs);
  print("reduce only (3 series)", reduce);
  print("redraw: snapshot + reduce + lines + axes", redraw);
  print("paint the widget into an image", paint);
  print("full redraw (redraw + paint)", total);
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QCommandLineParser parser;
  parser.addHelpOption();
  const QCommandLineOption samples(u"samples"_s, u"Samples per series."_s, u"n"_s, u"1000000"_s);
  const QCommandLineOption rounds(u"rounds"_s, u"Timed rounds per case."_s, u"n"_s, u"41"_s);
  const QCommandLineOption width(u"width"_s, u"Widget width in logical pixels."_s, u"px"_s, u"1600"_s);
  parser.addOptions({samples, rounds, width});
  parser.process(app);

  const std::size_t n = parser.value(samples).toULongLong();
  const auto session = lh::bench::make_demo_session(n, 86400);
  const ChartContent headline = lh::bench::headline_chart(session);

  TimeChartWidget chart;
  chart.resize(parser.value(width).toInt(), 500);
  chart.show();
  QApplication::processEvents();

  std::printf("chart_bench: 3 series x %zu samples over 24 h, widget %dx%d at device pixel ratio %.2g\n", n,
              chart.width(), chart.height(), chart.devicePixelRatioF());
  std::printf("load average before: %s\n", load_average().constData());
  run("whole run, headline chart", chart, headline, parser.value(rounds).toInt());
  run("whole run, a gap every 1000 samples", chart, with_gaps(headline, session, 1000), parser.value(rounds).toInt());
  std::printf("load average after: %s\n", load_average().constData());
  return 0;
}
