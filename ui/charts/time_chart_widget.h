#pragma once

#include <QTimer>
#include <QWidget>
#include <chrono>
#include <memory>
#include <optional>

#include "chart/reduce.h"
#include "chart/time_viewport.h"
#include "charts/chart_render.h"
#include "charts/chart_types.h"

namespace lh::ui::charts {

class ChartCanvas;
struct ChartFrame;
class ChartView;

// A live chart of series over elapsed time: a left value axis and an
// optional right one, a legend, vertical markers, reference lines.
//
// Data is pulled, not pushed: at each redraw the widget asks every
// series' provider for its snapshot and reduces it to at most four points
// per pixel column of its plot (the plot's width times the screen's device
// pixel ratio), so a million samples cost what a few thousand do. Redraws
// are merged on a timer: requestRedraw() may be called as often as data
// arrives, from the GUI thread (a worker's "data arrived" signal, queued,
// or the dashboard's 4 Hz tick); producers never touch the widget.
//
// The time axis zooms (wheel, +/-), pans (drag, arrow keys, Shift+wheel),
// follows the latest data (End), and shows the whole run (Home, double
// click). Zooming or panning stops following.
class TimeChartWidget : public QWidget {
  Q_OBJECT

 public:
  explicit TimeChartWidget(QWidget* parent = nullptr);
  ~TimeChartWidget() override;

  void setContent(ChartContent content);
  const ChartContent& content() const { return content_; }
  void setTitle(const QString& title);
  // Returns the series' index in content().series.
  std::size_t addSeries(SeriesSpec spec, SeriesProvider provider);
  void setSeriesVisible(std::size_t index, bool visible);
  void setMarkers(std::vector<TimeMarker> markers);
  void setReferenceLines(std::vector<ReferenceLine> lines);

  TimeWindow window() const { return viewport_.window(); }
  bool isFollowing() const { return viewport_.follows(); }
  lh::chart::TimeViewport::Mode viewMode() const { return viewport_.mode(); }

  // factor < 1 zooms in around anchor_s; stops following.
  void zoomTime(double factor, double anchor_s);
  // Moves the window by delta_s; stops following.
  void panTime(double delta_s);
  // Centres t_s (an event the user picked); stops following.
  void showTime(double t_s);
  void showRange(TimeWindow range);
  // Charts that share a time axis share the session's extent too: the
  // window follows (and is kept inside) the union of this chart's data and
  // `extent`, so charts whose series end a moment apart still line up.
  void setTimeExtent(std::optional<TimeWindow> extent);

  // How long requestRedraw() may wait, merging requests (250 ms: 4 Hz).
  void setRedrawInterval(std::chrono::milliseconds interval);
  // Pixel columns the last redraw reduced to, and what it drew.
  const DrawStats& lastDraw() const { return last_draw_; }
  // The reduced points the last redraw drew for content().series[index],
  // NaN markers for gaps: what the user sees, e.g. for a hover read-out.
  std::span<const lh::chart::Point> shownPoints(std::size_t index) const;

  // The chart as it is now, rendered off-screen (see chart_render.h).
  void renderTo(QPainter& painter, const QRectF& target, const RenderOptions& options = {}) const;
  QImage toImage(QSize size, qreal device_pixel_ratio = 1, const QPalette& palette = print_palette()) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 public slots:
  void requestRedraw();
  void redrawNow();
  // Keeps the current width and slides along with the latest data.
  void follow();
  // The whole run, following new data.
  void resetView();

 signals:
  void followingChanged(bool following);
  void windowChanged(double begin_s, double end_s);
  void redrawn();

 protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  // Redraws on the next turn of the event loop: for the user's own zooming
  // and panning, which must not wait for the live interval.
  void redrawSoon();
  void contentChanged();
  void applyPalette();
  template <typename F>
  void navigate(F&& change);
  std::size_t plotColumns() const;
  void onPlotAreaChanged(const QRectF& plot);
  void updateExtent(const ChartFrame& frame);

  ChartContent content_;
  std::unique_ptr<ChartCanvas> canvas_;
  ChartView* view_;
  QWidget* canvas_widget_;  // the view's viewport, where it paints
  lh::chart::TimeViewport viewport_;
  QTimer redraw_timer_;
  std::chrono::milliseconds redraw_interval_{250};
  DrawStats last_draw_;
  std::optional<TimeWindow> extent_;
  TimeWindow drawn_window_{0, 0};
  qreal drawn_pixel_ratio_ = 0;
};

}  // namespace lh::ui::charts
