#pragma once

#include <QObject>
#include <QPointer>
#include <optional>
#include <vector>

#include "charts/time_chart_widget.h"

namespace lh::ui {

// Charts that share one time axis: zooming, panning, following or showing
// a moment in one does the same in all, so memory, CPU, throughput and
// latency always line up under each other.
class ChartGroup : public QObject {
  Q_OBJECT

 public:
  explicit ChartGroup(QObject* parent = nullptr);

  void add(charts::TimeChartWidget* chart);
  void remove(charts::TimeChartWidget* chart);
  void clear();
  const std::vector<QPointer<charts::TimeChartWidget>>& charts() const { return charts_; }

  bool isFollowing() const;
  // The session's extent, for every chart (TimeChartWidget::setTimeExtent).
  void setTimeExtent(std::optional<charts::TimeWindow> extent);

 public slots:
  void showTime(double t_s);
  void follow();
  void resetView();
  void zoom(double factor);
  void requestRedraw();

 signals:
  void followingChanged(bool following);

 private:
  void onWindowChanged(charts::TimeChartWidget* source, double begin_s, double end_s);
  void onFollowingChanged(charts::TimeChartWidget* source, bool following);
  template <typename F>
  void forEach(F&& f);

  std::vector<QPointer<charts::TimeChartWidget>> charts_;
  std::optional<charts::TimeWindow> extent_;
  bool syncing_ = false;
};

}  // namespace lh::ui
