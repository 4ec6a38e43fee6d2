#pragma once

#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <cmath>

namespace lh::ui::charts {

// True when the painter records vectors (PDF, SVG, a QPicture) rather than
// filling pixels: there, pixel snapping is meaningless and every segment
// costs file size instead of time.
inline bool paints_vectors(const QPainter& painter) {
  const QPaintEngine* engine = painter.paintEngine();
  if (!engine) return false;
  const auto type = engine->type();
  return type == QPaintEngine::Pdf || type == QPaintEngine::SVG || type == QPaintEngine::Picture;
}

// Device pixels per logical unit of the painter's current coordinates: the
// device pixel ratio times whatever scaling the painter applies (a chart
// rendered into a larger target).
inline qreal device_pixels_per_unit(const QPainter& painter) {
  const QTransform& world = painter.worldTransform();
  const qreal scale = std::sqrt(std::abs(world.determinant()));
  const qreal ratio = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
  return scale > 0 ? scale * ratio : ratio;
}

}  // namespace lh::ui::charts
