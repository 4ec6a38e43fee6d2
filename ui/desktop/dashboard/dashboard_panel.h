#pragma once

#include <QWidget>
#include <map>
#include <memory>
#include <vector>

#include "charts/chart_types.h"
#include "dashboard/dashboard_series.h"

QT_BEGIN_NAMESPACE
class QAction;
class QListView;
class QSplitter;
class QStackedWidget;
QT_END_NAMESPACE

namespace lh::ui {

namespace charts {
class TimeChartWidget;
}
class ChartGroup;
class SeriesListModel;
class SessionFeed;
class StoreSeries;

// The live dashboard: the headline chart (the watched memory, with CPU %
// on a second axis and the memory limit as a line), throughput and errors,
// latency p50/p99, and a chart for each further series picked from the
// list beside them. Restarts and stage changes are marked on every chart;
// all charts share one time axis (zoom, pan, follow).
//
// It reads only what its SessionFeed hands it, on the GUI thread: series
// through incremental providers, redrawn when the feed has polled.
class DashboardPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DashboardPanel(SessionFeed* feed, QWidget* parent = nullptr);
  ~DashboardPanel() override;

  charts::TimeChartWidget* headlineChart() const { return headline_; }
  charts::TimeChartWidget* throughputChart() const { return throughput_; }
  charts::TimeChartWidget* latencyChart() const { return latency_; }
  std::vector<charts::TimeChartWidget*> extraCharts() const;
  ChartGroup* chartGroup() const { return group_; }
  SeriesListModel* seriesModel() const { return series_model_; }
  const DashboardSeries& shownSeries() const { return shown_; }
  // Bytes of the charted series' copies (StoreSeries), for the memory benchmark.
  std::size_t chartDataBytes() const;

  QAction* followAction() const { return follow_; }
  QAction* wholeRunAction() const { return whole_run_; }
  QList<QAction*> viewActions() const;

  // Splitter sizes and the extra series picked, for QSettings.
  QByteArray saveState() const;
  void restoreState(const QByteArray& state);
  QStringList extraSeriesNames() const;
  void setExtraSeriesNames(const QStringList& names);

 public slots:
  // Moves every chart to a moment (an event picked in the list).
  void showTime(double t_s);

 private:
  void onBound();
  void onSeriesChanged();
  void onEventsAdded(const std::vector<lh::Event>& events);
  void onPolled();
  void rebuildFixedCharts();
  void syncExtraCharts();
  void applyMarkers();
  charts::ChartContent headlineContent();
  charts::ChartContent throughputContent();
  charts::ChartContent latencyContent();
  charts::ChartContent seriesContent(probe::SeriesId id);
  charts::TimeChartWidget* makeChart(const QString& name);

  SessionFeed* feed_;
  std::unique_ptr<StoreSeries> series_;
  DashboardSeries shown_;
  std::vector<charts::TimeMarker> markers_;
  std::size_t stages_seen_ = 0;

  QStackedWidget* stack_;
  QSplitter* side_splitter_;
  QSplitter* charts_splitter_;
  QSplitter* load_splitter_;
  charts::TimeChartWidget* headline_;
  charts::TimeChartWidget* throughput_;
  charts::TimeChartWidget* latency_;
  std::map<probe::SeriesId, charts::TimeChartWidget*> extra_;
  ChartGroup* group_;
  SeriesListModel* series_model_;
  QListView* series_list_;
  QAction* follow_;
  QAction* whole_run_;
  QAction* zoom_in_;
  QAction* zoom_out_;
};

}  // namespace lh::ui
