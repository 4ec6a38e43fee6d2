#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "chart_probe.h"
#include "charts/chart_colours.h"
#include "charts/chart_render.h"
#include "charts/series_providers.h"
#include "charts/time_chart_widget.h"

using namespace Qt::StringLiterals;
using namespace lh::ui::charts;
using namespace lh::ui::charts::test;

namespace {

ChartContent memory_and_cpu(std::size_t samples) {
  auto memory = std::make_shared<SeriesColumns>();
  auto cpu = std::make_shared<SeriesColumns>();
  for (std::size_t i = 0; i < samples; ++i) {
    const double t = 86400.0 * static_cast<double>(i) / static_cast<double>(samples);
    memory->t_s.push_back(t);
    memory->values.push_back(300 + t / 400 + 30 * std::sin(t / 97));
    cpu->t_s.push_back(t);
    cpu->values.push_back(40 + 20 * std::sin(t / 13));
  }
  ChartContent c;
  c.left_axis = {u"Memory (MiB)"_s, true};
  c.right_axis = AxisSpec{u"CPU (%)"_s, true};
  c.series.push_back({SeriesSpec{u"rss"_s, ValueAxis::left, -1}, shared_series(memory), true});
  c.series.push_back({SeriesSpec{u"cpu"_s, ValueAxis::right, -1}, shared_series(cpu), true});
  c.markers = {{43200, u"restart"_s, MarkerKind::restart}};
  c.reference_lines = {{1024, u"limit"_s, ValueAxis::left, true}};
  return c;
}

int pixels_with_ink(const QImage& image, const Ink& ink) {
  int n = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) n += ink.in(image.pixel(x, y)) ? 1 : 0;
  }
  return n;
}

}  // namespace

TEST_CASE("a chart renders off-screen into an image at any pixel ratio") {
  const ChartContent content = memory_and_cpu(50'000);
  const ChartColours colours = chart_colours_for(print_palette());
  for (qreal dpr : {1.0, 2.0}) {
    INFO("device pixel ratio " << dpr);
    const QImage image = render_chart_image(content, {0, 86400}, QSize(640, 300), dpr);
    REQUIRE(image.size() == QSize(640, 300) * dpr);
    CHECK(image.devicePixelRatio() == dpr);
    // Not blank: the memory line, the CPU line, the limit, the restart and
    // the text are all there, in their colours.
    std::set<QRgb> distinct;
    for (int y = 0; y < image.height(); y += 3) {
      for (int x = 0; x < image.width(); x += 3) distinct.insert(image.pixel(x, y));
    }
    CHECK(distinct.size() > 50);
    const int memory_ink = pixels_with_ink(image, {colours.series(0), colours.background});
    CHECK(memory_ink > 400 * dpr);
    CHECK(pixels_with_ink(image, {colours.subdued(colours.series(1)), colours.background}) > 400 * dpr);
    CHECK(pixels_with_ink(image, {colours.reference_line(), colours.background}) > 200 * dpr);
    CHECK(pixels_with_ink(image, {colours.marker(MarkerKind::restart), colours.background}) > 80 * dpr);
  }
}

TEST_CASE("the off-screen chart matches the widget's window and content") {
  const ChartContent content = memory_and_cpu(10'000);
  TimeChartWidget widget;
  widget.resize(640, 300);
  widget.setContent(content);
  settle(widget);
  widget.showRange({0, 3600});
  const QImage zoomed = widget.toImage(QSize(640, 300));
  const QImage whole = render_chart_image(content, {0, 86400}, QSize(640, 300));
  const QImage again = render_chart_image(content, {0, 3600}, QSize(640, 300));
  CHECK(zoomed == again);  // the same content and window give the same picture
  CHECK(zoomed != whole);
}

TEST_CASE("a chart prints to PDF as small vectors, even from a million samples") {
  const ChartContent content = memory_and_cpu(1'000'000);
  QBuffer pdf;
  pdf.open(QIODevice::WriteOnly);
  {
    QPdfWriter writer(&pdf);
    writer.setResolution(1200);
    QPainter painter(&writer);
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    render_chart(content, {0, 86400}, painter, QRectF(0, 0, page.width(), page.width() * 0.5),
                 RenderOptions{QSizeF(900, 450), print_palette()});
  }
  const QByteArray bytes = pdf.data();
  REQUIRE(bytes.startsWith("%PDF"));
  INFO(bytes.size() << " bytes");
  CHECK(bytes.size() > 20'000);   // there is a chart in it
  CHECK(bytes.size() < 600'000);  // and it is not a million points
  CHECK_FALSE(bytes.contains("/Subtype /Image"));  // vectors, not a bitmap
}

TEST_CASE("rendering nothing is harmless") {
  QImage image(100, 100, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  render_chart(ChartContent{}, {0, 60}, painter, QRectF());           // no target
  render_chart(ChartContent{}, {5, 5}, painter, QRectF(0, 0, 100, 100));  // no window
  painter.end();
  CHECK(image.pixel(50, 50) == qRgb(255, 255, 255));
  const QImage empty = render_chart_image(ChartContent{}, {0, 60}, QSize(300, 200));
  CHECK_FALSE(empty.isNull());
}
