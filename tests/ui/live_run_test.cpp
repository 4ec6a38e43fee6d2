// A live run in the desktop app against the demo target on loopback: the
// charts move, the progress bar advances, the verdict panel turns to a
// live leak, Stop ends the run with its journal whole, and closing the
// window mid-run asks first.
#include <QAbstractButton>
#include <QFileInfo>
#include <QSignalSpy>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "app_actions.h"
#include "charts/time_chart_widget.h"
#include "dashboard/dashboard_panel.h"
#include "demo_target.h"
#include "loopback_server.h"
#include "editor/scenario_document.h"
#include "events/events_model.h"
#include "events/events_panel.h"
#include "main_window.h"
#include "run/run_controller.h"
#include "run/run_controls.h"
#include "run/run_progress.h"
#include "session/session_data.h"
#include "sessions/session_folders.h"
#include "shell/app_settings.h"
#include "shell/status_line.h"
#include "wait_until.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using lh::analysis::VerdictKind;
using lh::ui::MainWindow;
using lh::ui::test::wait_until;

namespace {

QString sample(const char* name) { return QStringLiteral(LH_SOURCE_DIR "/resources/scenarios/") + QString::fromUtf8(name); }

// The demo scenario aimed at `target`, sending 100 requests/s after a 5 s
// ramp (a stage change on the way), sampled every 500 ms, with a verdict
// possible after 20 s of data.
void aim_demo_scenario(MainWindow& window, const lh::test::DemoTarget& target, const QString& folder) {
  REQUIRE(window.openAny(sample("demo-target.leakhound.json")));
  window.document()->edit([&](lh::scenario::Scenario& s) {
    s.target = target.url();
    s.probes.interval = "500ms";
    s.load->rate = 100;
    s.load->duration.clear();
    s.load->stages = {{"5s", 100}, {"115s", 100}};
    s.leak.warmup = "5s";
    s.leak.min_window = "20s";
  });
  // Saved, so closing asks only about the run.
  QString error;
  REQUIRE(window.document()->saveAs(folder + u"/live.leakhound.json"_s, &error));
}

std::size_t shown_points(lh::ui::charts::TimeChartWidget* chart) {
  std::size_t n = 0;
  for (const auto& p : chart->shownPoints(0)) n += std::isnan(p.value) ? 0 : 1;
  return n;
}

const lh::ui::SeriesVerdictView* shown_verdict(MainWindow& window) { return window.verdictPanel()->shown(); }

void answer_next_box(QMessageBox::StandardButton button) {
  QTimer::singleShot(200, [=] {
    for (QWidget* w : QApplication::topLevelWidgets()) {
      if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
        box->button(button)->click();
        return;
      }
    }
  });
}

}  // namespace

TEST_CASE("a live run against the demo target moves the charts and the verdict, and Stop keeps its session") {
  QTemporaryDir sessions;
  lh::ui::AppSettings::setRunsFolder(sessions.path());
  lh::test::DemoTarget target({"--leak-kb-per-request", "64"});
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  aim_demo_scenario(window, target, sessions.path());
  const lh::ui::AppActions& actions = window.actions();
  lh::ui::RunController* run = window.runControls()->controller();
  lh::ui::RunProgress* progress = window.runControls()->progress();
  CHECK(actions.start->isEnabled());
  CHECK_FALSE(actions.stop->isEnabled());
  CHECK_FALSE(progress->isVisible());
  const auto scenario_header = [&] { return window.findChild<QLabel*>(u"scenarioHeader"_s)->text(); };
  CHECK(scenario_header().contains(u"ready to run"_s));

  window.activateWindow();
  REQUIRE(QTest::qWaitForWindowActive(&window));
  QTest::keyClick(&window, Qt::Key_F5);
  REQUIRE(run->isRunning());
  REQUIRE(wait_until([&] { return !run->isStarting(); }));
  REQUIRE(run->isRunning());
  CHECK_FALSE(actions.start->isEnabled());
  CHECK(actions.pause->isEnabled());
  CHECK(actions.stop->isEnabled());
  CHECK(progress->isVisible());
  CHECK(QFileInfo(run->folder()).dir() == QDir(sessions.path()));
  // Not "ready to run" while it runs.
  CHECK(scenario_header().contains(u"running; edits apply to the next run"_s));
  CHECK(lh::ui::AppSettings::unfinishedRun() == run->folder());

  // Points appear on the headline chart and the throughput chart.
  auto* dashboard = window.dashboard();
  REQUIRE(wait_until([&] { return shown_points(dashboard->headlineChart()) >= 4; }));
  REQUIRE(wait_until([&] { return shown_points(dashboard->throughputChart()) >= 2; }));
  const int percent = progress->percent();
  REQUIRE(wait_until([&] { return progress->percent() > percent; }));
  CHECK(progress->text().contains(u"left"_s));
  CHECK(window.statusLine()->stateText() == u"Running"_s);
  INFO(window.statusLine()->memoryText().toStdString());
  CHECK(window.statusLine()->memoryText().contains(u"memory.rss_mb"_s));
  CHECK(window.statusLine()->memoryText().contains(u"MiB"_s));

  // Paused: the status says so; resumed, it runs on.
  actions.pause->trigger();
  REQUIRE(wait_until([&] { return window.statusLine()->stateText() == u"Paused"_s; }));
  CHECK(progress->text().contains(u"paused"_s));
  actions.pause->trigger();
  REQUIRE(wait_until([&] { return window.statusLine()->stateText() == u"Running"_s; }));

  // The stage change is listed, and the live verdict turns to a leak.
  REQUIRE(wait_until([&] { return window.eventsPanel()->model()->rowCount() > 0; }));
  CHECK(window.eventsPanel()->model()->event(0).kind == lh::EventKind::stage);
  REQUIRE(wait_until([&] { return shown_verdict(window) && shown_verdict(window)->verdict.kind == VerdictKind::leak; },
                     75s));
  CHECK(shown_verdict(window)->watched);
  CHECK(window.findChild<QLabel*>(u"verdictBadge"_s)->text() == u"Leak"_s);
  CHECK(window.statusLine()->verdictText().startsWith(u"Leak"_s));

  // Ten seconds more before Stop: the live verdict keeps a leak through a
  // short slowdown (a busy machine holding the load back), but the
  // session's own verdict judges the whole run again, and a run stopped
  // right in such a slowdown may be inconclusive there.
  const double called_at = run->progress().elapsed_s;
  REQUIRE(wait_until([&] { return run->progress().elapsed_s >= called_at + 10; }, 30s));
  actions.stop->trigger();
  REQUIRE(wait_until([&] { return !run->isRunning(); }));
  CHECK(actions.start->isEnabled());
  CHECK_FALSE(actions.stop->isEnabled());
  CHECK(window.statusLine()->stateText() == u"Stopped"_s);
  CHECK(scenario_header().contains(u"ready to run"_s));
  CHECK(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(run->folder())));
  CHECK(progress->text().startsWith(u"ended at"_s));
  CHECK(lh::ui::AppSettings::unfinishedRun().isEmpty());
  CHECK(window.findChild<QLabel*>(u"verdictStatus"_s)->text() == u"On the whole session"_s);

  // The folder holds a whole session, with the same verdict.
  const lh::session::SessionData data = lh::session::load_session(run->folder().toStdString());
  CHECK(data.state == "stopped");
  CHECK_FALSE(data.killed());
  REQUIRE(data.watched());
  CHECK(data.watched()->verdict.kind == VerdictKind::leak);
  CHECK(data.store->row_count(data.probe_group) > 20);

  // Export writes the run's files into its own folder.
  QSignalSpy exported(window.sessionFolders(), &lh::ui::SessionFolders::exported);
  window.sessionFolders()->exportTo(run->folder());
  REQUIRE(wait_until([&] { return !exported.isEmpty(); }, 30s));
  for (const char* name : {"report.pdf", "samples.csv", "events.csv", "requests.csv", "summary.json"}) {
    INFO(name);
    CHECK(QFileInfo::exists(run->folder() + u"/"_s + QString::fromLatin1(name)));
  }
}

TEST_CASE("a scenario with problems does not start, and says why") {
  QTemporaryDir sessions;
  lh::ui::AppSettings::setRunsFolder(sessions.path());
  MainWindow window;
  window.show();
  window.document()->edit([](lh::scenario::Scenario& s) { s.target = "ftp://nowhere"; });
  window.actions().start->trigger();
  CHECK_FALSE(window.runControls()->controller()->isRunning());
  auto* box = window.findChild<QMessageBox*>(u"runMessageBox"_s);
  REQUIRE(box);
  CHECK(box->isVisible());
  CHECK(box->informativeText().contains(u"target"_s));
  CHECK(window.actions().start->isEnabled());
  box->accept();
  CHECK(QDir(sessions.path()).isEmpty());
}

TEST_CASE("a run that waits on the network to start keeps the window live, and a master that never answers ends in a box") {
  // A Locust master's address whose web UI takes every request and answers
  // none: the attach check waits out its 5 s on the runner's maker thread.
  std::atomic<bool> test_over = false;
  lh::test::LoopbackServer silent([&](httplib::Server& server) {
    server.Get("/stats/requests", [&](const httplib::Request&, httplib::Response& res) {
      for (int i = 0; i < 90 && !test_over; ++i) std::this_thread::sleep_for(100ms);
      res.set_content("{}", "application/json");
    });
  });
  QTemporaryDir sessions;
  lh::ui::AppSettings::setRunsFolder(sessions.path());
  lh::test::DemoTarget target;
  MainWindow window;
  window.show();
  aim_demo_scenario(window, target, sessions.path());
  window.document()->edit([&](lh::scenario::Scenario& s) {
    s.load->engine = "locust";
    s.load->master = "http://127.0.0.1:" + std::to_string(silent.port());
  });
  lh::ui::RunController* run = window.runControls()->controller();
  const lh::ui::AppActions& actions = window.actions();

  actions.start->trigger();
  // Back at once: still starting, nothing to tell yet, and only Stop to press.
  CHECK(run->isStarting());
  CHECK(run->isRunning());
  CHECK_FALSE(actions.start->isEnabled());
  CHECK_FALSE(actions.pause->isEnabled());
  CHECK(actions.stop->isEnabled());
  CHECK(window.statusBar()->currentMessage().contains(u"Starting"_s));
  CHECK_FALSE(window.findChild<QMessageBox*>(u"runMessageBox"_s));
  // Meanwhile the event loop runs: a timer set now fires while the check waits.
  bool ticked = false;
  QTimer::singleShot(100ms, [&] { ticked = true; });
  REQUIRE(wait_until([&] { return ticked; }, 2s));
  CHECK(run->isStarting());

  QMessageBox* box = nullptr;
  REQUIRE(wait_until([&] { return (box = window.findChild<QMessageBox*>(u"runMessageBox"_s)) && box->isVisible(); }, 20s));
  CHECK(box->text().contains(u"no Locust master answers"_s));
  CHECK_FALSE(run->isRunning());
  CHECK(actions.start->isEnabled());
  CHECK_FALSE(actions.stop->isEnabled());
  box->accept();
  CHECK(QDir(sessions.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
  test_over = true;
}

TEST_CASE("closing the window during a run asks, then stops the run with its journal whole") {
  QTemporaryDir sessions;
  lh::ui::AppSettings::setRunsFolder(sessions.path());
  lh::test::DemoTarget target;
  QString folder;
  {
    MainWindow window;
    window.show();
    aim_demo_scenario(window, target, sessions.path());
    REQUIRE(window.runControls()->start());
    folder = window.runControls()->controller()->folder();
    // Under way: samples recorded and requests answered.
    REQUIRE(wait_until([&] {
      const auto p = window.runControls()->controller()->progress();
      return p.samples >= 2 && p.requests > 0;
    }));

    // Cancel keeps the window and the run.
    answer_next_box(QMessageBox::Cancel);
    CHECK_FALSE(window.close());
    CHECK(window.runControls()->controller()->isRunning());

    answer_next_box(QMessageBox::Yes);
    CHECK_FALSE(window.close());  // not yet: once the run has ended
    REQUIRE(wait_until([&] { return !window.isVisible(); }));
    CHECK_FALSE(window.runControls()->controller()->isRunning());
  }
  const lh::session::SessionData data = lh::session::load_session(folder.toStdString());
  CHECK(data.state == "stopped");
  CHECK_FALSE(data.killed());
}

TEST_CASE("Watch Only runs the scenario's probes without its load, through the same runner, until Stop") {
  QTemporaryDir sessions;
  lh::ui::AppSettings::setRunsFolder(sessions.path());
  lh::test::DemoTarget target;
  MainWindow window;
  window.show();
  aim_demo_scenario(window, target, sessions.path());
  window.document()->edit([](lh::scenario::Scenario& s) {
    s.load->requests[0].body_file = "no/such/body.json";  // a problem of the load only: it stops nothing here
    s.probes.sources.push_back({"conversion=/health", "", {}});
    s.probes.request_counter = "conversion/conversions";
  });
  const lh::ui::AppActions& actions = window.actions();
  lh::ui::RunController* run = window.runControls()->controller();
  REQUIRE(actions.watch_only->isEnabled());
  actions.watch_only->trigger();
  REQUIRE(wait_until([&] { return !run->isStarting(); }));
  REQUIRE(run->isRunning());
  CHECK_FALSE(actions.start->isEnabled());
  CHECK_FALSE(actions.watch_only->isEnabled());
  CHECK_FALSE(actions.pause->isEnabled());  // no load to pause
  CHECK(actions.stop->isEnabled());

  // The probes sample; no request is sent.
  REQUIRE(wait_until([&] { return run->progress().samples >= 4; }));
  CHECK_FALSE(run->progress().with_load);
  CHECK(run->progress().requests == 0);
  CHECK_FALSE((window.dashboard()->throughputChart()->isVisible() && shown_points(window.dashboard()->throughputChart()) > 0));

  actions.stop->trigger();
  REQUIRE(wait_until([&] { return !run->isRunning(); }));
  CHECK(window.statusLine()->stateText() == u"Stopped"_s);
  const lh::session::SessionData data = lh::session::load_session(run->folder().toStdString());
  CHECK(data.state == "stopped");
  CHECK_FALSE(data.with_load);
  CHECK_FALSE(data.load_group);
  CHECK_FALSE(data.load);
  CHECK(data.request_counter == "conversion/conversions");
  // The demo target served nothing: its counter stayed at 0.
  const auto counter = data.store->find("conversion/conversions");
  REQUIRE(counter);
  for (double v : data.store->read_series(*counter, 0).v) CHECK((std::isnan(v) || v == 0));
}
