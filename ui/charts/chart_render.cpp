#include "charts/chart_render.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "charts/chart_canvas.h"
#include "charts/paint_device.h"

namespace lh::ui::charts {

namespace {

// Raster targets get a column per device pixel, up to a device pixel
// ratio of 4. Vector targets (PDF, SVG) get two per logical pixel: printed,
// that is finer than the line is wide, and each point costs file size.
constexpr double kMaxRasterColumnsPerLogicalPixel = 4;
constexpr double kMaxVectorColumnsPerLogicalPixel = 2;

// Qt lays out graphics widgets when the event loop gets to it; a render
// cannot wait for that, so the chart's layout is settled on the spot.
void settleLayout(QChart& chart) {
  if (QGraphicsLayout* layout = chart.layout()) layout->activate();
}

}  // namespace

void render_chart(const ChartContent& content, TimeWindow window, QPainter& painter, const QRectF& target,
                  const RenderOptions& options) {
  if (target.isEmpty() || !(window.span() > 0)) return;
  const QSizeF layout = options.layout_size.isEmpty() ? target.size() : options.layout_size;

  QGraphicsScene scene;
  ChartCanvas canvas;  // after the scene: it lets go of the chart before the scene deletes it
  QChart* chart = canvas.chart();
  scene.addItem(chart);
  chart->setGeometry(QRectF(QPointF(0, 0), layout));
  canvas.setColours(chart_colours_for(options.palette));
  canvas.setContent(content);

  // Pixel columns: the plot's share of the target, in device pixels.
  const double device_width = target.width() * device_pixels_per_unit(painter);
  const double max_columns = layout.width() * (paints_vectors(painter) ? kMaxVectorColumnsPerLogicalPixel
                                                                         : kMaxRasterColumnsPerLogicalPixel);
  auto columns_for = [&](const QRectF& plot) {
    const double share = plot.width() / layout.width();
    return static_cast<std::size_t>(std::clamp(std::ceil(device_width * share), 1.0, max_columns));
  };

  const ChartFrame frame = canvas.snapshot();
  // The axes' labels decide the plot's width, and the data decides the
  // labels: draw once to lay out, then again for the settled width.
  canvas.draw(frame, window, columns_for(QRectF(QPointF(0, 0), layout)));
  settleLayout(*chart);
  canvas.draw(frame, window, columns_for(canvas.plotArea()));
  settleLayout(*chart);

  scene.setSceneRect(QRectF(QPointF(0, 0), layout));
  scene.render(&painter, target, scene.sceneRect(), Qt::IgnoreAspectRatio);
}

QImage render_chart_image(const ChartContent& content, TimeWindow window, QSize size, qreal device_pixel_ratio,
                          const QPalette& palette) {
  QImage image(size * device_pixel_ratio, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(device_pixel_ratio);
  image.fill(palette.color(QPalette::Base));
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  render_chart(content, window, painter, QRectF(QPointF(0, 0), QSizeF(size)), RenderOptions{QSizeF(size), palette});
  return image;
}

}  // namespace lh::ui::charts
