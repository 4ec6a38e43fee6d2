#pragma once

#include <QChartView>
#include <optional>

namespace lh::ui::charts {

// The Qt Charts view, taught LeakHound's time navigation: it turns wheel,
// drag, double-click and keys into requests in plot terms (fractions of the
// plot's width) and leaves deciding what they mean to TimeChartWidget.
class ChartView : public QChartView {
  Q_OBJECT

 public:
  explicit ChartView(QWidget* parent = nullptr);

 signals:
  // factor < 1 zooms in; `anchor` is where on the plot (0 left … 1 right)
  // the pointer was, the time there stays put.
  void zoomRequested(double factor, double anchor);
  // In plot widths; positive moves the window later in time.
  void panRequested(double plot_widths);
  void resetRequested();
  void followRequested();

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  QRectF plotInView() const;
  double fractionAcross(QPointF view_pos) const;

  std::optional<QPointF> drag_from_;
};

}  // namespace lh::ui::charts
