// leakhound-bench-desktop: the desktop app under its own measure.
//
//   stall SECONDS  a live run against the demo target (500 requests/s,
//                  probes every 100 ms, every series charted) while a 10 ms
//                  timer on the GUI thread notes the gaps between its ticks:
//                  the longest gap is the longest the window froze
//   rss HOURS      the dashboard fed a recorded store of HOURS at 1 Hz
//                  (36 probe series and the load's 5) with 12 extra charts:
//                  the app's own resident memory once everything is drawn
//   feed HOURS     the dashboard following a live session while HOURS of
//                  1 Hz rows (the same 41 series) are fed into it in about a
//                  minute, every series charted; the analyzer judges the app's
//                  RSS (and the RSS beyond the data held) over the feed's time
//   self SECONDS   the demo scenario run live for SECONDS, every series
//                  charted, while the app's own RSS is sampled every second;
//                  LeakHound's analyzer then judges that series, and the
//                  RSS beyond the recorded data the app holds on purpose
//                  (the store, the charts' copies): that part must not grow
//
// One line of "key value" figures per run; bench/desktop/run.sh repeats
// them and prints the medians for docs/BENCHMARKS.md. Runs offscreen, with
// settings and sessions in temporary places.
#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "common/series_meaning.h"
#include "dashboard/dashboard_panel.h"
#include "dashboard/series_list_model.h"
#include "demo_target_process.h"
#include "editor/scenario_document.h"
#include "main_window.h"
#include "run/demo_scenario_document.h"
#include "run/run_controller.h"
#include "run/run_controls.h"
#include "shell/app_settings.h"
#include "shell/theme.h"

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using lh::ui::MainWindow;

namespace {

// The process's resident and peak resident memory, in MiB.
std::pair<double, double> own_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  double rss = 0, hwm = 0;
  while (status >> key) {
    if (key == "VmRSS:") status >> rss;
    else if (key == "VmHWM:") status >> hwm;
    else status.ignore(1 << 12, '\n');
  }
  return {rss / 1024, hwm / 1024};
}

// CPU time of the calling thread: a gap between ticks spent working on
// the GUI thread, as opposed to waiting for a core on a busy machine.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

// Lets the event loop run for `span`.
void run_for(std::chrono::milliseconds span) { QTest::qWait(static_cast<int>(span.count())); }

// Ticks every series in the dashboard's list (or the first `most`).
void chart_every_series(MainWindow& window, int most = 1 << 30) {
  lh::ui::SeriesListModel* list = window.dashboard()->seriesModel();
  for (int row = 0; row < std::min(most, list->rowCount()); ++row) {
    list->setData(list->index(row, 0), Qt::Checked, Qt::CheckStateRole);
  }
}

// The demo scenario in the editor, aimed at `target`, changed by `change`, then started.
bool start_demo(MainWindow& window, const lh::app::DemoTargetProcess& target,
                const std::function<void(lh::scenario::Scenario&)>& change) {
  lh::ui::open_demo_scenario(*window.document(), target.url(), QDir::tempPath());
  window.document()->edit(change);
  return window.runControls()->start();
}

int stall(double seconds) {
  lh::app::DemoTargetProcess target(lh::app::demo_target_flags(), LH_DEMO_TARGET_BIN);
  MainWindow window;
  window.resize(1600, 1000);
  window.show();
  if (!start_demo(window, target, [&](lh::scenario::Scenario& s) {
        s.probes.interval = "100ms";
        s.load->rate = 500;
        s.load->concurrency = 16;
        s.load->duration = std::to_string(static_cast<int>(seconds) + 5) + "s";
      })) {
    std::fprintf(stderr, "stall: the run did not start\n");
    return 1;
  }
  run_for(1500ms);  // the probes' first answers: the series list fills
  chart_every_series(window);
  run_for(1000ms);  // the new charts' first layout and paint: not a stall of the run

  std::vector<double> gaps, busy;
  Clock::time_point last = Clock::now();
  double last_cpu = thread_cpu_ms();
  QTimer ticker;
  ticker.setTimerType(Qt::PreciseTimer);
  ticker.setInterval(10ms);
  QObject::connect(&ticker, &QTimer::timeout, [&] {
    const Clock::time_point now = Clock::now();
    const double cpu = thread_cpu_ms();
    gaps.push_back(std::chrono::duration<double, std::milli>(now - last).count());
    busy.push_back(cpu - last_cpu);
    last = now;
    last_cpu = cpu;
  });
  ticker.start();
  run_for(std::chrono::milliseconds(static_cast<long long>(seconds * 1000)));
  ticker.stop();
  const lh::session::SessionProgress progress = window.runControls()->controller()->progress();
  if (progress.state != lh::session::SessionState::running) {
    std::fprintf(stderr, "stall: the run was %s, not running, at the end: %s\n",
                 std::string(lh::session::to_string(progress.state)).c_str(), progress.error.c_str());
    return 1;
  }
  const std::size_t charts = window.dashboard()->extraCharts().size() + 3;
  const auto worst = std::max_element(busy.begin(), busy.end()) - busy.begin();
  double worst_at_s = 0;
  for (long i = 0; i <= worst; ++i) worst_at_s += gaps[static_cast<std::size_t>(i)] / 1000;
  window.runControls()->controller()->stop();
  while (window.runControls()->controller()->isRunning()) run_for(50ms);

  const auto late = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 50; });
  const auto busy_late = std::count_if(busy.begin(), busy.end(), [](double b) { return b > 50; });
  std::printf("stall charts %zu ticks %zu max_gap_ms %.1f p99_gap_ms %.1f gaps_over_50ms %ld max_busy_ms %.1f "
              "p99_busy_ms %.1f busy_over_50ms %ld gui_cpu_share %.2f worst_at_s %.1f requests %llu\n",
              charts, gaps.size(), percentile(gaps, 1.0), percentile(gaps, 0.99), static_cast<long>(late),
              percentile(busy, 1.0), percentile(busy, 0.99), static_cast<long>(busy_late),
              std::accumulate(busy.begin(), busy.end(), 0.0) / std::accumulate(gaps.begin(), gaps.end(), 0.0),
              worst_at_s, static_cast<unsigned long long>(progress.requests));
  return 0;
}

// A session's store as a service with 9 sources would fill it: 36 probe
// series and the load's 5, appended a 1 Hz row at a time.
struct SyntheticStore {
  static constexpr int kProbeSeries = 36;
  std::shared_ptr<lh::probe::SeriesStore> store = std::make_shared<lh::probe::SeriesStore>();
  lh::probe::GroupId probe = store->add_group("probe");
  lh::probe::GroupId load = store->add_group("load");
  std::uint64_t rows = 0;

  SyntheticStore() {
    constexpr const char* kMetrics[] = {"memory.rss_mb", "memory.heap_mb", "process_cpu_percent", "cache_size"};
    for (int i = 0; i < kProbeSeries; ++i) {
      const std::string metric = kMetrics[i % 4];
      const std::string source = "svc" + std::to_string(i / 4);
      const auto id = store->add_series(probe, {source + "/" + metric, source, metric, lh::meaning_of(metric)});
      if (i == 0) store->set_watched_memory(*id);
    }
    for (const char* metric : {"requests_per_s", "errors_per_s", "p50_ms", "p99_ms", "in_flight"}) {
      store->add_series(load, {std::string("load/") + metric, "load", metric, lh::meaning_of(metric)});
    }
  }

  void append(std::uint64_t count) {
    std::vector<double> probe_row(kProbeSeries), load_row(5);
    for (const std::uint64_t end = rows + count; rows < end; ++rows) {
      const double t = static_cast<double>(rows);
      for (int i = 0; i < kProbeSeries; ++i) probe_row[static_cast<std::size_t>(i)] = 100 + i + 10 * std::sin(t / (60 + i));
      store->append_row(probe, t, probe_row);
      load_row = {200 + 5 * std::sin(t / 30), 0, 2.0, 9.0 + std::sin(t / 10), 8};
      store->append_row(load, t, load_row);
    }
  }

  // What the values take as the store's columns hold them (and its two time columns).
  double value_mib() const { return static_cast<double>(rows) * (kProbeSeries + 5 + 2) * 8 / (1024.0 * 1024.0); }

  lh::ui::SessionView view(bool live) const {
    lh::ui::SessionView v;
    v.store = store;
    v.probe_group = probe;
    v.load_group = load;
    v.live = live;
    v.name = QStringLiteral("synthetic");
    return v;
  }
};

int rss(double hours) {
  const auto before = own_rss_mib();
  SyntheticStore synthetic;
  synthetic.append(static_cast<std::uint64_t>(hours * 3600));
  const auto filled = own_rss_mib();

  MainWindow window;
  window.resize(1600, 1000);
  window.show();
  window.showSession(synthetic.view(false));
  run_for(500ms);
  chart_every_series(window, 12);
  window.dashboard()->wholeRunAction()->trigger();
  run_for(3000ms);
  const auto drawn = own_rss_mib();
  std::printf("rss hours %.1f rows %llu charts %zu store_mib %.1f rss_start_mib %.1f rss_filled_mib %.1f rss_mib %.1f hwm_mib %.1f\n",
              hours, static_cast<unsigned long long>(synthetic.rows), window.dashboard()->extraCharts().size() + 3,
              synthetic.value_mib(), before.first, filled.first, drawn.first, drawn.second);
  return 0;
}

// Judges the app's own RSS, and the RSS beyond the recorded data it holds on
// purpose (a store, the charts' copies), with LeakHound's analyzer; prints a
// line per series, named PREFIX_rss and PREFIX_beyond_data.
void judge_own_memory(const char* prefix, double span, const std::vector<double>& t, const std::vector<double>& rss,
                      const std::vector<double>& beyond) {
  for (const auto& [name, v] : {std::pair{"rss", &rss}, std::pair{"beyond_data", &beyond}}) {
    const lh::analysis::Verdict verdict = lh::analysis::analyze({.t_s = t, .values = *v, .unit = "MiB"});
    std::printf("%s_%s span_s %.0f samples %zu first_mib %.1f last_mib %.1f verdict %s slope_mib_per_h %.2f "
                "ci_low %.2f ci_high %.2f\n",
                prefix, name, span, v->size(), v->empty() ? 0 : v->front(), v->empty() ? 0 : v->back(),
                std::string(lh::analysis::to_string(verdict.kind)).c_str(), verdict.slope_per_hour, verdict.slope_ci_low,
                verdict.slope_ci_high);
  }
}

// The "24-hour-equivalent run of samples, fed fast": the dashboard
// follows a live session whose store gets HOURS of 1 Hz rows, 10 minutes of
// them every 250 ms, every series charted. The app's RSS is read after each
// batch and stamped with the feed's own time, so the analyzer judges it
// over the 24 hours the app went through.
int feed(double hours) {
  constexpr std::uint64_t kRowsPerBatch = 600;
  SyntheticStore synthetic;
  synthetic.append(kRowsPerBatch);
  MainWindow window;
  window.resize(1600, 1000);
  window.show();
  window.showSession(synthetic.view(true));
  run_for(500ms);
  chart_every_series(window, 12);
  run_for(1000ms);  // the new charts' first paint (fonts, caches): not growth

  const auto rows = static_cast<std::uint64_t>(hours * 3600);
  std::vector<double> t, rss, beyond;
  while (synthetic.rows < rows) {
    synthetic.append(kRowsPerBatch);
    run_for(250ms);
    const double held_mib =
        static_cast<double>(synthetic.store->memory_bytes() + window.dashboard()->chartDataBytes()) / (1024.0 * 1024.0);
    t.push_back(static_cast<double>(synthetic.rows));
    rss.push_back(own_rss_mib().first);
    beyond.push_back(rss.back() - held_mib);
  }
  const auto last = own_rss_mib();
  std::printf("feed hours %.1f rows %llu charts %zu rss_mib %.1f hwm_mib %.1f\n", hours,
              static_cast<unsigned long long>(synthetic.rows), window.dashboard()->extraCharts().size() + 3, last.first,
              last.second);
  judge_own_memory("feed", hours * 3600, t, rss, beyond);
  return 0;
}

int self(double seconds) {
  lh::app::DemoTargetProcess target(lh::app::demo_target_flags(), LH_DEMO_TARGET_BIN);
  MainWindow window;
  window.resize(1600, 1000);
  window.show();
  if (!start_demo(window, target, [&](lh::scenario::Scenario& s) {
        s.load->duration = std::to_string(static_cast<int>(seconds)) + "s";
      })) {
    std::fprintf(stderr, "self: the run did not start\n");
    return 1;
  }
  run_for(1500ms);
  chart_every_series(window);
  run_for(1000ms);  // the new charts' first paint (fonts, caches): not growth
  // The RSS, and the RSS beyond the recorded data the app holds on purpose
  // (the run's store and the charts' copies of what they show): that part
  // must not grow.
  std::vector<double> t, rss, beyond;
  const Clock::time_point start = Clock::now();
  QTimer sampler;
  sampler.setInterval(1s);
  QObject::connect(&sampler, &QTimer::timeout, [&] {
    const double held_mib = static_cast<double>(window.runControls()->controller()->view().store->memory_bytes() +
                                                window.dashboard()->chartDataBytes()) /
                            (1024.0 * 1024.0);
    t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    rss.push_back(own_rss_mib().first);
    beyond.push_back(rss.back() - held_mib);
  });
  sampler.start();
  while (window.runControls()->controller()->isRunning()) run_for(100ms);
  sampler.stop();

  judge_own_memory("self", seconds, t, rss, beyond);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  QStandardPaths::setTestModeEnabled(true);  // settings apart from the user's
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("LeakHound"));
  QApplication::setApplicationName(QStringLiteral("LeakHound bench"));
  const std::string mode = argc > 1 ? argv[1] : "";
  const double amount = argc > 2 ? std::atof(argv[2]) : 0;
  if ((mode != "stall" && mode != "rss" && mode != "feed" && mode != "self") || amount <= 0) {
    std::fprintf(stderr, "usage: leakhound-bench-desktop stall SECONDS | rss HOURS | feed HOURS | self SECONDS\n");
    return 2;
  }
  QTemporaryDir sessions;
  lh::ui::AppSettings::setRunsFolder(sessions.path());
  lh::ui::apply_theme(lh::ui::Theme::light);
  if (mode == "stall") return stall(amount);
  if (mode == "rss") return rss(amount);
  if (mode == "feed") return feed(amount);
  return self(amount);
}
