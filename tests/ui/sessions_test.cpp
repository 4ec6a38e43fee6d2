// The desktop app's recorded sessions: opening a folder (finished, killed
// or not a session at all), exporting its files and PDF, and comparing
// two sessions before and after.
#include <QFileInfo>
#include <QAction>
#include <QLabel>
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app_actions.h"
#include "charts/time_chart_widget.h"
#include "dashboard/dashboard_panel.h"
#include "dashboard/session_feed.h"
#include "events/events_model.h"
#include "events/events_panel.h"
#include "main_window.h"
#include "shell/app_settings.h"
#include "pdf_checks.h"
#include "sessions/compare_dialog.h"
#include "sessions/session_folders.h"
#include "shell/recent_files.h"
#include "synthetic_session.h"
#include "wait_until.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using lh::test::SyntheticSession;
using lh::test::TempFolder;
using lh::ui::MainWindow;
using lh::ui::SessionFolders;
using lh::ui::test::wait_until;

namespace {

constexpr int kWaitMs = 30000;

QString q(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

QString state_text(const MainWindow& window) { return window.findChild<QLabel*>(u"statusState"_s)->text(); }

// Opens `path` as `leakhound PATH` would and waits until it is shown.
bool open_session(MainWindow& window, const std::filesystem::path& path) {
  QSignalSpy opened(window.sessionFolders(), &SessionFolders::opened);
  return window.openAny(q(path)) && opened.wait(kWaitMs);
}

bool has_points(lh::ui::charts::TimeChartWidget* chart, std::size_t series) {
  for (const auto& p : chart->shownPoints(series)) {
    if (!std::isnan(p.value)) return true;
  }
  return false;
}

// The problem box on screen (an earlier one may still await deletion).
QMessageBox* problem_box(const MainWindow& window) {
  for (auto* box : window.findChildren<QMessageBox*>(u"sessionProblemBox"_s)) {
    if (box->isVisible()) return box;
  }
  return nullptr;
}

SyntheticSession leaking(const std::string& name) {
  SyntheticSession spec;
  spec.name = name;
  spec.mib_per_hour = 600;
  spec.restarts_s = {300};
  return spec;
}

}  // namespace

TEST_CASE("a recorded session folder reopens with its series, events and verdict") {
  TempFolder dir("ui_session_open");
  lh::test::write_synthetic_session(dir.path(), leaking("leaky"));
  MainWindow window;
  window.show();
  REQUIRE(open_session(window, dir.path()));

  const lh::ui::SessionView& view = window.feed()->view();
  REQUIRE_FALSE(view.empty());
  CHECK_FALSE(view.live);
  CHECK(view.folder == q(dir.path()));
  CHECK(view.store->series_count() >= 4);
  CHECK(wait_until([&] { return has_points(window.dashboard()->headlineChart(), 0); }));
  CHECK(window.eventsPanel()->model()->rowCount() > 0);  // the restart at 300 s, the load's stage
  const auto* verdict = window.verdictPanel()->shown();
  REQUIRE(verdict);
  CHECK(verdict->watched);
  CHECK(verdict->series == u"memory.rss_mb"_s);
  CHECK(verdict->verdict.kind == lh::analysis::VerdictKind::leak);
  CHECK(state_text(window) == u"Finished"_s);
  CHECK(window.windowTitle().contains(u"leaky"_s));
  CHECK(window.recentFiles()->paths().value(0) == q(dir.path()));
  CHECK(window.sessionFolders()->shown() != nullptr);
}

TEST_CASE("a killed session reopens from its journal and says it was rebuilt") {
  TempFolder dir("ui_session_killed");
  SyntheticSession spec = leaking("killed");
  spec.ended = false;
  lh::test::write_synthetic_session(dir.path(), spec);
  MainWindow window;
  window.show();
  // A dropped journal.jsonl opens the session it belongs to.
  REQUIRE(open_session(window, dir / "journal.jsonl"));
  CHECK(window.feed()->view().folder == q(dir.path()));
  CHECK(state_text(window).startsWith(u"Killed: rebuilt from its journal up to 00:"_s));
  CHECK(window.statusBar()->currentMessage().contains(u"rebuilt from its journal"_s));
  REQUIRE(window.verdictPanel()->shown());
  CHECK(window.verdictPanel()->shown()->verdict.kind == lh::analysis::VerdictKind::leak);
}

TEST_CASE("a run the app did not see to its end is offered at the next start") {
  TempFolder dir("ui_session_unfinished");
  SyntheticSession spec = leaking("unfinished");
  spec.ended = false;
  lh::test::write_synthetic_session(dir.path(), spec);
  lh::ui::AppSettings::setUnfinishedRun(q(dir.path()));
  MainWindow window;
  window.show();
  QSignalSpy opened(window.sessionFolders(), &SessionFolders::opened);
  QTimer::singleShot(0, [] {
    for (QWidget* w : QApplication::topLevelWidgets()) {
      if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) box->button(QMessageBox::Open)->click();
    }
  });
  CHECK(window.sessionFolders()->offerUnfinishedRun());
  REQUIRE(opened.wait(kWaitMs));
  CHECK(window.feed()->view().folder == q(dir.path()));
  CHECK(lh::ui::AppSettings::unfinishedRun().isEmpty());
  CHECK_FALSE(window.sessionFolders()->offerUnfinishedRun());  // asked once only
}

TEST_CASE("a folder that holds no session gives a one-line error and no crash") {
  TempFolder empty("ui_session_empty"), broken("ui_session_broken");
  {
    std::ofstream(broken / "journal.jsonl") << "this is not a journal\n";
  }
  MainWindow window;
  window.show();
  for (const auto* folder : {&empty, &broken}) {
    QSignalSpy failed(window.sessionFolders(), &SessionFolders::failed);
    CHECK(window.openAny(q(folder->path())));
    REQUIRE(failed.wait(kWaitMs));
    const QString error = failed.front().front().toString();
    INFO(error.toStdString());
    CHECK_FALSE(error.contains(u'\n'));
    CHECK(error.contains(q(folder->path())));
    QMessageBox* box = problem_box(window);
    REQUIRE(box);
    CHECK(box->text() == error);
    box->accept();
    CHECK(window.feed()->view().empty());
  }
}

TEST_CASE("export writes the report PDF, the CSV files and summary.json into the folder chosen") {
  TempFolder dir("ui_session_export"), out("ui_session_export_out");
  lh::test::write_synthetic_session(dir.path(), leaking("exported"));
  MainWindow window;
  window.show();

  SECTION("with no session on screen it says so in one line") {
    QSignalSpy failed(window.sessionFolders(), &SessionFolders::failed);
    window.sessionFolders()->exportTo(q(out.path()));
    REQUIRE(failed.size() == 1);
    CHECK_FALSE(failed.front().front().toString().contains(u'\n'));
    REQUIRE(problem_box(window));
    problem_box(window)->accept();
  }

  SECTION("a recorded session's five files") {
    REQUIRE(open_session(window, dir.path()));
    const auto target = out / "new" / "export";  // made when missing
    QSignalSpy exported(window.sessionFolders(), &SessionFolders::exported);
    window.sessionFolders()->exportTo(q(target));
    REQUIRE(exported.wait(kWaitMs));
    const QStringList files = exported.front().front().toStringList();
    CHECK(files.size() == 5);
    for (const char* name : {"report.pdf", "samples.csv", "events.csv", "requests.csv", "summary.json"}) {
      INFO(name);
      CHECK(std::filesystem::file_size(target / name) > 0);
      CHECK(files.contains(q(target / name)));
    }
    CHECK(lh::test::pdf_pages(target / "report.pdf") >= 2);
    CHECK(lh::test::read_summary(target).headline.sentence.rfind("Leak: memory.rss_mb grows", 0) == 0);
    CHECK(window.statusBar()->currentMessage().contains(q(target)));
    // The journal is where the files come from, and it is left as it was.
    CHECK(std::filesystem::exists(dir / "journal.jsonl"));
  }
}

TEST_CASE("compare overlays both sessions' memory with the sentence and both verdicts") {
  TempFolder before_dir("ui_compare_before"), after_dir("ui_compare_after"), out("ui_compare_out");
  lh::test::write_synthetic_session(before_dir.path(), leaking("before"));
  SyntheticSession fixed;
  fixed.name = "after";
  lh::test::write_synthetic_session(after_dir.path(), fixed);
  MainWindow window;
  window.show();
  REQUIRE(open_session(window, after_dir.path()));

  window.actions().compare->trigger();
  lh::ui::CompareDialog* dialog = window.sessionFolders()->compareDialog();
  REQUIRE(dialog);
  CHECK(dialog->isVisible());
  CHECK(dialog->afterFolder() == q(after_dir.path()));  // the session on screen is "after"
  dialog->setFolders(q(before_dir.path()), dialog->afterFolder());

  QSignalSpy compared(dialog, &lh::ui::CompareDialog::compared);
  dialog->compare();
  REQUIRE(compared.wait(kWaitMs));
  CHECK(dialog->sentence().contains(u"fell from"_s));
  CHECK(dialog->runText(false).contains(u"Leak"_s));
  CHECK(dialog->runText(true).contains(u"No leak"_s));
  REQUIRE(dialog->chart()->content().series.size() == 2);
  CHECK(wait_until([&] { return has_points(dialog->chart(), 0) && has_points(dialog->chart(), 1); }));

  // By completed requests: compared again, on a count axis.
  dialog->setBy(lh::session::CompareBy::requests);
  REQUIRE(compared.wait(kWaitMs));
  REQUIRE(dialog->comparison());
  CHECK(dialog->comparison()->by == lh::session::CompareBy::requests);
  CHECK(dialog->chart()->content().bottom_axis == lh::ui::charts::BottomAxis::count);

  // The PDF and its JSON, as `leakhound-cli compare --out` writes them.
  REQUIRE(dialog->exportTo(q(out / "change")));
  CHECK(lh::test::pdf_pages(out / "change.pdf") >= 1);
  const auto json = nlohmann::json::parse(lh::test::read_file(out / "change.json"));
  CHECK(json["by"] == "requests");
  CHECK(json["sentence"].get<std::string>() == dialog->sentence().toStdString());
  CHECK(dialog->message().contains(u"change.pdf"_s));
}

TEST_CASE("compare names a folder without a session in one line") {
  TempFolder good("ui_compare_good"), empty("ui_compare_empty");
  lh::test::write_synthetic_session(good.path(), SyntheticSession{});
  lh::ui::CompareDialog dialog;
  dialog.setFolders(q(good.path()), q(empty.path()));
  QSignalSpy failed(&dialog, &lh::ui::CompareDialog::failed);
  dialog.compare();
  REQUIRE(failed.wait(kWaitMs));
  CHECK(dialog.message().contains(q(empty.path())));
  CHECK_FALSE(dialog.message().contains(u'\n'));
  CHECK_FALSE(dialog.comparison());
}
