#pragma once

#include <QImage>
#include <QPalette>
#include <QRectF>
#include <QSizeF>

#include "charts/chart_colours.h"
#include "charts/chart_types.h"

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace lh::ui::charts {

struct RenderOptions {
  // The size the chart is laid out at, in logical pixels (1/96 in): it
  // sets how large text and lines are next to the plot. Empty: the
  // target's size in the painter's coordinates.
  QSizeF layout_size;
  QPalette palette = print_palette();
};

// Renders a chart without a screen (QT_QPA_PLATFORM=offscreen is enough),
// for the PDF report and for images: the same layout, axes, lines, markers
// and reference lines as the live widget, for `window`.
//
// Lines are reduced to the target's width in device pixels (up to four
// per logical pixel) for images; a vector painter (QPdfWriter, SVG) gets
// vectors and two columns per logical pixel, finer than a printed line is
// wide, so the PDF stays small and prints sharply at any resolution.
void render_chart(const ChartContent& content, TimeWindow window, QPainter& painter, const QRectF& target,
                  const RenderOptions& options = {});

// `size` in logical pixels; the image holds size × device_pixel_ratio pixels.
QImage render_chart_image(const ChartContent& content, TimeWindow window, QSize size, qreal device_pixel_ratio = 1,
                          const QPalette& palette = print_palette());

}  // namespace lh::ui::charts
