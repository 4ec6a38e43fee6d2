#include "dashboard/dashboard_panel.h"

#include <QAction>
#include <QDataStream>
#include <QIODevice>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

#include "charts/event_markers.h"
#include "charts/limit_line.h"
#include "charts/time_chart_widget.h"
#include "common/size.h"
#include "dashboard/chart_group.h"
#include "dashboard/series_list_model.h"
#include "dashboard/session_feed.h"
#include "dashboard/store_series.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using charts::ChartContent;
using charts::TimeChartWidget;
using charts::ValueAxis;

namespace {

constexpr int kStateVersion = 1;

// The time of a group's latest row, if it has one.
std::optional<double> latest_time(const probe::SeriesStore& store, probe::GroupId group) {
  const std::uint64_t rows = store.row_count(group);
  if (rows == 0) return std::nullopt;
  const probe::GroupRows last = store.read_rows(group, rows - 1, rows);
  if (last.t.empty()) return std::nullopt;
  return last.t.back();
}

QString series_name(const probe::SeriesStore& store, probe::SeriesId id) {
  return QString::fromStdString(store.series(id).name);
}

}  // namespace

DashboardPanel::DashboardPanel(SessionFeed* feed, QWidget* parent)
    : QWidget(parent), feed_(feed), group_(new ChartGroup(this)), series_model_(new SeriesListModel(this)) {
  setObjectName(u"dashboard"_s);

  auto* toolbar = new QToolBar(tr("Chart view"), this);
  toolbar->setObjectName(u"dashboardToolBar"_s);
  toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  follow_ = toolbar->addAction(tr("&Follow"));
  follow_->setObjectName(u"actionFollow"_s);
  follow_->setCheckable(true);
  follow_->setChecked(true);
  follow_->setShortcut(Qt::CTRL | Qt::Key_End);
  follow_->setToolTip(tr("Keep the charts on the latest data (Ctrl+End); zooming or panning a chart stops following"));
  whole_run_ = toolbar->addAction(tr("&Whole run"));
  whole_run_->setObjectName(u"actionWholeRun"_s);
  whole_run_->setShortcut(Qt::CTRL | Qt::Key_Home);
  whole_run_->setToolTip(tr("Show the run from its start to the latest data (Ctrl+Home)"));
  zoom_in_ = toolbar->addAction(tr("Zoom &in"));
  zoom_in_->setShortcut(QKeySequence::ZoomIn);
  zoom_in_->setToolTip(tr("Show a shorter stretch of time (Ctrl++); the wheel over a chart zooms there"));
  zoom_out_ = toolbar->addAction(tr("Zoom &out"));
  zoom_out_->setShortcut(QKeySequence::ZoomOut);
  zoom_out_->setToolTip(tr("Show a longer stretch of time (Ctrl+−)"));
  for (QAction* a : {follow_, whole_run_, zoom_in_, zoom_out_}) a->setShortcutContext(Qt::WindowShortcut);

  connect(follow_, &QAction::triggered, this, [this](bool on) {
    if (on) {
      group_->follow();
    } else {
      // Stay where the charts are now.
      if (headline_) group_->showTime((headline_->window().begin_s + headline_->window().end_s) / 2);
    }
  });
  connect(whole_run_, &QAction::triggered, group_, &ChartGroup::resetView);
  connect(zoom_in_, &QAction::triggered, this, [this] { group_->zoom(0.5); });
  connect(zoom_out_, &QAction::triggered, this, [this] { group_->zoom(2.0); });
  connect(group_, &ChartGroup::followingChanged, follow_, &QAction::setChecked);

  headline_ = makeChart(u"headlineChart"_s);
  throughput_ = makeChart(u"throughputChart"_s);
  latency_ = makeChart(u"latencyChart"_s);

  load_splitter_ = new QSplitter(Qt::Horizontal);
  load_splitter_->setObjectName(u"loadSplitter"_s);
  load_splitter_->addWidget(throughput_);
  load_splitter_->addWidget(latency_);
  charts_splitter_ = new QSplitter(Qt::Vertical);
  charts_splitter_->setObjectName(u"chartsSplitter"_s);
  charts_splitter_->addWidget(headline_);
  charts_splitter_->addWidget(load_splitter_);
  charts_splitter_->setStretchFactor(0, 3);
  charts_splitter_->setStretchFactor(1, 2);
  charts_splitter_->setChildrenCollapsible(false);

  series_list_ = new QListView;
  series_list_->setObjectName(u"seriesList"_s);
  series_list_->setModel(series_model_);
  series_list_->setUniformItemSizes(true);
  // Long names ("127.0.0.1:8000/process_cpu_percent") keep both ends.
  series_list_->setTextElideMode(Qt::ElideMiddle);
  series_list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  series_list_->setToolTip(tr("Tick a series to chart it below the others"));
  auto* series_box = new QWidget;
  auto* series_layout = new QVBoxLayout(series_box);
  series_layout->setContentsMargins(0, 0, 0, 0);
  auto* series_label = new QLabel(tr("More series"));
  series_label->setBuddy(series_list_);
  series_layout->addWidget(series_label);
  series_layout->addWidget(series_list_);
  series_box->setMinimumWidth(series_list_->fontMetrics().averageCharWidth() * 30);

  side_splitter_ = new QSplitter(Qt::Horizontal);
  side_splitter_->setObjectName(u"dashboardSplitter"_s);
  side_splitter_->addWidget(charts_splitter_);
  side_splitter_->addWidget(series_box);
  side_splitter_->setStretchFactor(0, 5);
  side_splitter_->setStretchFactor(1, 1);
  side_splitter_->setCollapsible(0, false);

  auto* placeholder = new QLabel(
      tr("<p style='font-size:large'>Nothing to show yet.</p>"
         "<p>Start a run of the scenario (F5), or open a recorded session (Ctrl+Shift+O).</p>"));
  placeholder->setObjectName(u"dashboardPlaceholder"_s);
  placeholder->setAlignment(Qt::AlignCenter);
  placeholder->setWordWrap(true);
  stack_ = new QStackedWidget;
  stack_->addWidget(placeholder);
  stack_->addWidget(side_splitter_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(toolbar);
  layout->addWidget(stack_);

  connect(series_model_, &SeriesListModel::checkedChanged, this, &DashboardPanel::syncExtraCharts);
  connect(feed_, &SessionFeed::bound, this, &DashboardPanel::onBound);
  connect(feed_, &SessionFeed::seriesChanged, this, &DashboardPanel::onSeriesChanged);
  connect(feed_, &SessionFeed::eventsAdded, this, &DashboardPanel::onEventsAdded);
  connect(feed_, &SessionFeed::polled, this, &DashboardPanel::onPolled);
  onBound();
}

DashboardPanel::~DashboardPanel() = default;

TimeChartWidget* DashboardPanel::makeChart(const QString& name) {
  auto* chart = new TimeChartWidget;
  chart->setObjectName(name);
  group_->add(chart);
  return chart;
}

std::vector<TimeChartWidget*> DashboardPanel::extraCharts() const {
  std::vector<TimeChartWidget*> out;
  for (const auto& [id, chart] : extra_) out.push_back(chart);
  return out;
}

std::size_t DashboardPanel::chartDataBytes() const { return series_ ? series_->memory_bytes() : 0; }

QList<QAction*> DashboardPanel::viewActions() const { return {follow_, whole_run_, zoom_in_, zoom_out_}; }

void DashboardPanel::onBound() {
  const SessionView& view = feed_->view();
  series_ = view.empty() ? nullptr : std::make_unique<StoreSeries>(view.store);
  shown_ = {};
  markers_.clear();
  stages_seen_ = 0;
  series_model_->reset(view.store);
  for (auto& [id, chart] : extra_) {
    group_->remove(chart);
    chart->deleteLater();
  }
  extra_.clear();
  group_->setTimeExtent(std::nullopt);
  rebuildFixedCharts();
  // The whole run, growing with a live one.
  group_->resetView();
  stack_->setCurrentIndex(view.empty() ? 0 : 1);
}

void DashboardPanel::onSeriesChanged() {
  const SessionView& view = feed_->view();
  const DashboardSeries picked = pick_dashboard_series(view);
  if (!(picked == shown_)) {
    shown_ = picked;
    rebuildFixedCharts();
  }
  series_model_->setSeries(optional_series(view, shown_));
}

void DashboardPanel::onEventsAdded(const std::vector<lh::Event>& events) {
  const auto more = charts::event_markers(events, stages_seen_);
  stages_seen_ += static_cast<std::size_t>(
      std::count_if(events.begin(), events.end(), [](const Event& e) { return e.kind == EventKind::stage; }));
  markers_.insert(markers_.end(), more.begin(), more.end());
  applyMarkers();
}

void DashboardPanel::applyMarkers() {
  for (const auto& chart : group_->charts()) {
    if (chart) chart->setMarkers(markers_);
  }
}

void DashboardPanel::onPolled() {
  const SessionView& view = feed_->view();
  if (view.empty()) return;
  std::optional<double> last = latest_time(*view.store, view.probe_group);
  if (view.load_group) {
    if (const auto load_last = latest_time(*view.store, *view.load_group)) last = std::max(last.value_or(0), *load_last);
  }
  if (last) group_->setTimeExtent(charts::TimeWindow{0, *last});
  group_->requestRedraw();
}

void DashboardPanel::rebuildFixedCharts() {
  headline_->setContent(headlineContent());
  throughput_->setContent(throughputContent());
  latency_->setContent(latencyContent());
  applyMarkers();
}

ChartContent DashboardPanel::headlineContent() {
  ChartContent c;
  c.title = tr("Memory and CPU");
  c.left_axis = {tr("Memory"), true};
  if (!series_ || !shown_.memory) {
    c.title = tr("Memory and CPU (waiting for a memory series)");
    return c;
  }
  const probe::SeriesStore& store = *series_->store();
  const probe::SeriesInfo& memory = store.series(*shown_.memory);
  const bool in_mib = memory.meaning.to_mib.has_value();
  c.left_axis = {axis_title_for(memory, in_mib), true};
  c.series.push_back({{QString::fromStdString(memory.name), ValueAxis::left, 0},
                      series_->provider(memory.id, in_mib ? *memory.meaning.to_mib : 1.0), true});
  if (shown_.cpu) {
    c.right_axis = charts::AxisSpec{tr("CPU (%)"), true};
    c.series.push_back(
        {{tr("CPU % (%1)").arg(series_name(store, *shown_.cpu)), ValueAxis::right, 1}, series_->provider(*shown_.cpu), true});
  }
  const auto& limit = feed_->view().memory_limit_mib;
  if (limit && in_mib) {
    c.reference_lines.push_back(charts::memory_limit_line(*limit, *limit));
  }
  return c;
}

ChartContent DashboardPanel::throughputContent() {
  ChartContent c;
  c.title = tr("Throughput and errors");
  c.left_axis = {tr("Requests/s"), true};
  if (!series_) return c;
  if (shown_.requests_per_s) {
    c.series.push_back({{tr("requests/s"), ValueAxis::left, 2}, series_->provider(*shown_.requests_per_s), true});
  }
  if (shown_.errors_per_s) {
    c.right_axis = charts::AxisSpec{tr("Errors/s"), true};
    c.series.push_back({{tr("errors/s"), ValueAxis::right, 3}, series_->provider(*shown_.errors_per_s), true});
  }
  return c;
}

ChartContent DashboardPanel::latencyContent() {
  ChartContent c;
  c.title = tr("Latency");
  c.left_axis = {tr("Latency (ms)"), true};
  if (!series_) return c;
  if (shown_.p99_ms) c.series.push_back({{tr("p99"), ValueAxis::left, 4}, series_->provider(*shown_.p99_ms), true});
  if (shown_.p50_ms) c.series.push_back({{tr("p50"), ValueAxis::left, 5}, series_->provider(*shown_.p50_ms), true});
  return c;
}

ChartContent DashboardPanel::seriesContent(probe::SeriesId id) {
  const probe::SeriesInfo& info = series_->store()->series(id);
  const bool in_mib = info.meaning.to_mib.has_value();
  ChartContent c;
  c.title = QString::fromStdString(info.name);
  c.left_axis = {axis_title_for(info, in_mib), true};
  c.series.push_back({{QString::fromStdString(info.name), ValueAxis::left, -1},
                      series_->provider(id, in_mib ? *info.meaning.to_mib : 1.0), true});
  return c;
}

void DashboardPanel::syncExtraCharts() {
  if (!series_) return;
  const std::vector<probe::SeriesId> wanted = series_model_->checkedSeries();
  for (auto it = extra_.begin(); it != extra_.end();) {
    if (std::find(wanted.begin(), wanted.end(), it->first) == wanted.end()) {
      group_->remove(it->second);
      it->second->deleteLater();
      it = extra_.erase(it);
    } else {
      ++it;
    }
  }
  for (probe::SeriesId id : wanted) {
    if (extra_.contains(id)) continue;
    TimeChartWidget* chart = makeChart(u"seriesChart:"_s + series_name(*series_->store(), id));
    chart->setContent(seriesContent(id));
    chart->setMarkers(markers_);
    charts_splitter_->addWidget(chart);
    extra_.emplace(id, chart);
  }
}

void DashboardPanel::showTime(double t_s) { group_->showTime(t_s); }

QStringList DashboardPanel::extraSeriesNames() const { return series_model_->checkedNames(); }

void DashboardPanel::setExtraSeriesNames(const QStringList& names) { series_model_->setCheckedNames(names); }

QByteArray DashboardPanel::saveState() const {
  QByteArray state;
  QDataStream out(&state, QIODevice::WriteOnly);
  out << kStateVersion << side_splitter_->saveState() << charts_splitter_->saveState() << load_splitter_->saveState();
  return state;
}

void DashboardPanel::restoreState(const QByteArray& state) {
  QDataStream in(state);
  int version = 0;
  QByteArray side, charts_state, load;
  in >> version >> side >> charts_state >> load;
  if (in.status() != QDataStream::Ok || version != kStateVersion) return;
  side_splitter_->restoreState(side);
  charts_splitter_->restoreState(charts_state);
  load_splitter_->restoreState(load);
}

}  // namespace lh::ui
