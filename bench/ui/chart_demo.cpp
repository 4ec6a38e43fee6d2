// chart_demo: shows the headline chart on a synthetic session, to look at
// it (and screenshot it) in light and dark palettes, live or recorded.
//
//   xvfb-run -a build/bench/ui/chart_demo --screenshot light.png
//   xvfb-run -a build/bench/ui/chart_demo --dark --screenshot dark.png
//   QT_QPA_PLATFORM=offscreen build/bench/ui/chart_demo --render print.png --pdf report.pdf
//   build/bench/ui/chart_demo --live          (on a desktop: watch it follow)
#include <QApplication>
#include <QCommandLineParser>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QStyleFactory>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <memory>

#include "charts/time_chart_widget.h"
#include "demo_session.h"

using namespace Qt::StringLiterals;
using namespace lh::ui::charts;

namespace {

QPalette dark_palette() {
  QPalette p;
  const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, window);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
  return p;
}

// Plays a recorded series back as if it were arriving: each snapshot is a
// longer prefix of the same columns, as a store's snapshot would be.
SeriesProvider growing(std::shared_ptr<const SeriesColumns> columns, std::shared_ptr<std::size_t> available) {
  return [columns = std::move(columns), available = std::move(available)] {
    const std::size_t n = std::min(*available, columns->t_s.size());
    return SeriesSnapshot{std::span(columns->t_s).first(n), std::span(columns->values).first(n), columns};
  };
}

void write_pdf(const ChartContent& content, TimeWindow window, const QString& path) {
  QPdfWriter pdf(path);
  pdf.setPageSize(QPageSize(QPageSize::A4));
  pdf.setPageOrientation(QPageLayout::Landscape);
  pdf.setResolution(1200);
  QPainter painter(&pdf);
  const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
  const QRectF target(0, 0, page.width(), page.width() * 0.45);
  // Laid out as a 1000 px wide chart, printed across the page.
  render_chart(content, window, painter, target, RenderOptions{QSizeF(1000, 450), print_palette()});
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));

  QCommandLineParser parser;
  parser.addHelpOption();
  const QCommandLineOption dark(u"dark"_s, u"Use a dark palette."_s);
  const QCommandLineOption samples(u"samples"_s, u"Samples per series."_s, u"n"_s, u"7200"_s);
  const QCommandLineOption duration(u"duration"_s, u"Session length in seconds."_s, u"s"_s, u"7200"_s);
  const QCommandLineOption size(u"size"_s, u"Window size."_s, u"WxH"_s, u"1000x420"_s);
  const QCommandLineOption zoom(u"zoom"_s, u"Show this time range."_s, u"begin:end"_s);
  const QCommandLineOption screenshot(u"screenshot"_s, u"Save the widget as drawn on screen, then quit."_s, u"png"_s);
  const QCommandLineOption render(u"render"_s, u"Render off-screen to a PNG (print palette unless --dark)."_s, u"png"_s);
  const QCommandLineOption pdf(u"pdf"_s, u"Render off-screen into an A4 PDF."_s, u"pdf"_s);
  const QCommandLineOption dpr(u"dpr"_s, u"Device pixel ratio for --render."_s, u"ratio"_s, u"2"_s);
  const QCommandLineOption live(u"live"_s, u"Play the session back as a live run (20x speed)."_s);
  // Not "--title": X11 applications take -title for the window title.
  const QCommandLineOption title(u"chart-title"_s, u"A title above the chart."_s, u"text"_s);
  parser.addOptions({dark, samples, duration, size, zoom, screenshot, render, pdf, dpr, live, title});
  parser.process(app);

  if (parser.isSet(dark)) QApplication::setPalette(dark_palette());
  const auto wh = parser.value(size).split(u'x');
  const QSize window_size(wh.value(0).toInt(), wh.value(1).toInt());
  const auto session = lh::bench::make_demo_session(parser.value(samples).toULongLong(), parser.value(duration).toDouble());
  ChartContent content = lh::bench::headline_chart(session);
  content.title = parser.value(title);
  TimeWindow window{0, session.duration_s};
  if (parser.isSet(zoom)) {
    const auto be = parser.value(zoom).split(u':');
    window = {be.value(0).toDouble(), be.value(1).toDouble()};
  }

  if (parser.isSet(render) || parser.isSet(pdf)) {
    if (parser.isSet(render)) {
      const QPalette palette = parser.isSet(dark) ? dark_palette() : print_palette();
      render_chart_image(content, window, window_size, parser.value(dpr).toDouble(), palette).save(parser.value(render));
    }
    if (parser.isSet(pdf)) write_pdf(content, window, parser.value(pdf));
    return 0;
  }

  auto available = std::make_shared<std::size_t>(session.memory_mib->t_s.size());
  if (parser.isSet(live)) {
    *available = 0;
    content.series[0].data = growing(session.memory_mib, available);
    content.series[1].data = growing(session.cpu_percent, available);
    content.series[2].data = growing(session.heap_mib, available);
  }

  TimeChartWidget chart;
  chart.setWindowTitle(u"LeakHound chart demo"_s);
  chart.setContent(content);
  chart.resize(window_size);
  chart.show();
  if (parser.isSet(zoom)) chart.showRange(window);

  QTimer feed;
  if (parser.isSet(live)) {
    // 20x speed: a sample period's worth of data every 1/20 of it.
    const double per_tick = 0.1 * 20 / (session.duration_s / static_cast<double>(session.memory_mib->t_s.size()));
    QObject::connect(&feed, &QTimer::timeout, &chart, [&, per_tick] {
      *available += static_cast<std::size_t>(std::max(1.0, per_tick));
      chart.requestRedraw();  // coalesced: at most 4 redraws a second
    });
    feed.start(100);
  }

  if (parser.isSet(screenshot)) {
    // Two redraws: one to lay out, one for the settled plot width.
    QTimer::singleShot(600, &chart, [&] {
      chart.redrawNow();
      chart.grab().save(parser.value(screenshot));
      std::printf("%zu columns, %zu points, %zu runs\n", chart.lastDraw().columns, chart.lastDraw().points,
                  chart.lastDraw().runs);
      QApplication::quit();
    });
  }
  return QApplication::exec();
}
