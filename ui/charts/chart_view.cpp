#include "charts/chart_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace lh::ui::charts {

namespace {

constexpr double kZoomPerWheelNotch = 0.8;
constexpr double kKeyPanShare = 0.1;
constexpr double kKeyZoomIn = 0.8;

}  // namespace

ChartView::ChartView(QWidget* parent) : QChartView(parent) {
  setRenderHint(QPainter::Antialiasing);
  setFocusPolicy(Qt::StrongFocus);
  setRubberBand(QChartView::NoRubberBand);
  setDragMode(QGraphicsView::NoDrag);
  setFrameShape(QFrame::NoFrame);
}

QRectF ChartView::plotInView() const {
  if (!chart()) return {};
  return mapFromScene(chart()->mapToScene(chart()->plotArea())).boundingRect();
}

double ChartView::fractionAcross(QPointF view_pos) const {
  const QRectF plot = plotInView();
  if (plot.width() <= 0) return 0.5;
  return std::clamp((view_pos.x() - plot.left()) / plot.width(), 0.0, 1.0);
}

void ChartView::wheelEvent(QWheelEvent* event) {
  const QPoint delta = event->angleDelta();
  // Sideways scrolling (or Shift + wheel) pans; plain scrolling zooms.
  if (delta.x() != 0 || (event->modifiers() & Qt::ShiftModifier)) {
    const int steps = delta.x() != 0 ? delta.x() : delta.y();
    emit panRequested(-steps / 120.0 * kKeyPanShare);
  } else if (delta.y() != 0) {
    emit zoomRequested(std::pow(kZoomPerWheelNotch, delta.y() / 120.0), fractionAcross(event->position()));
  }
  event->accept();
}

void ChartView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton && plotInView().contains(event->position())) {
    drag_from_ = event->position();
    setCursor(Qt::ClosedHandCursor);
    event->accept();
    return;
  }
  QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent* event) {
  if (drag_from_) {
    const double width = plotInView().width();
    if (width > 0) emit panRequested(-(event->position().x() - drag_from_->x()) / width);
    drag_from_ = event->position();
    event->accept();
    return;
  }
  QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent* event) {
  if (drag_from_ && event->button() == Qt::LeftButton) {
    drag_from_.reset();
    unsetCursor();
    event->accept();
    return;
  }
  QChartView::mouseReleaseEvent(event);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event) {
  emit resetRequested();
  event->accept();
}

void ChartView::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Left:
      emit panRequested(-kKeyPanShare);
      break;
    case Qt::Key_Right:
      emit panRequested(kKeyPanShare);
      break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
      emit zoomRequested(kKeyZoomIn, 0.5);
      break;
    case Qt::Key_Minus:
      emit zoomRequested(1 / kKeyZoomIn, 0.5);
      break;
    case Qt::Key_Home:
      emit resetRequested();
      break;
    case Qt::Key_End:
      emit followRequested();
      break;
    default:
      QChartView::keyPressEvent(event);
      return;
  }
  event->accept();
}

}  // namespace lh::ui::charts
