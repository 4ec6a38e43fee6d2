#pragma once

#include <QFont>
#include <QFontInfo>
#include <cmath>

namespace lh::ui::charts {

// The chart's own text (legend, marker labels) in pixels, not points: a
// point-sized font is resolved against the paint device, so on a 1200 dpi
// QPdfWriter it would come out twelve times too large for a chart laid out
// in screen pixels. `scale` shrinks or grows it from the chart's font.
inline QFont pixel_sized_font(const QFont& chart_font, double scale) {
  QFont font = chart_font;
  font.setPixelSize(std::max(1, static_cast<int>(std::lround(QFontInfo(chart_font).pixelSize() * scale))));
  return font;
}

}  // namespace lh::ui::charts
