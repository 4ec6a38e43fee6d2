#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QMessageBox>
#include <QTimer>
#include <catch2/catch.hpp>

#include "app_actions.h"
#include "dashboard/dashboard_panel.h"
#include "charts/time_chart_widget.h"
#include "main_window.h"
#include "shell/app_settings.h"

using namespace Qt::StringLiterals;

TEST_CASE("the main window shows the app's name and icon") {
  lh::ui::MainWindow window;
  window.show();
  // A new window edits a scenario not saved yet; "[*]" is where Qt puts the unsaved mark.
  CHECK(window.windowTitle() == u"Untitled[*] — LeakHound"_s);
  CHECK_FALSE(window.windowIcon().isNull());
  CHECK_FALSE(window.windowIcon().pixmap(64, 64).isNull());
}

TEST_CASE("Help > About opens a box naming the version") {
  lh::ui::MainWindow window;
  window.show();
  auto* about = window.findChild<QAction*>(u"actionAbout"_s);
  REQUIRE(about);
  QString text;
  QTimer::singleShot(0, [&] {
    auto* box = window.findChild<QMessageBox*>(u"aboutBox"_s);
    if (box) {
      text = box->text();
      box->accept();
    }
  });
  about->trigger();
  CHECK(text.contains(u"LeakHound"_s));
  CHECK(text.contains(u"0."_s));
}

TEST_CASE("the window is a dashboard with docks for the verdict and the events") {
  lh::ui::MainWindow window;
  window.show();
  CHECK(window.centralWidget() == window.dashboard());
  for (const QString& name : {u"verdictDock"_s, u"eventsDock"_s}) {
    auto* dock = window.findChild<QDockWidget*>(name);
    REQUIRE(dock);
    CHECK(dock->isVisible());
    // Every dock can be brought back from the View menu.
    CHECK(dock->toggleViewAction()->isCheckable());
  }
  CHECK(window.findChild<QLabel*>(u"dashboardPlaceholder"_s)->isVisible());
}

TEST_CASE("actions have shortcuts and tool tips naming them") {
  lh::ui::MainWindow window;
  const auto& a = window.actions();
  CHECK(a.start->shortcut() == QKeySequence(Qt::Key_F5));
  CHECK(a.stop->shortcut() == QKeySequence(Qt::SHIFT | Qt::Key_F5));
  CHECK(a.save->shortcut() == QKeySequence(QKeySequence::Save));
  CHECK(a.open_session->shortcut() == QKeySequence(u"Ctrl+Shift+O"_s));
  for (QAction* action : {a.start, a.pause, a.stop, a.open, a.save, a.export_session, a.compare}) {
    INFO(action->objectName().toStdString());
    CHECK_FALSE(action->toolTip().isEmpty());
    CHECK(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)));
  }
}

TEST_CASE("geometry, docks, splitters and the series picked come back next time") {
  QSettings().clear();
  {
    lh::ui::MainWindow window;
    window.show();
    window.resize(1000, 640);
    window.findChild<QDockWidget*>(u"eventsDock"_s)->hide();
    window.dashboard()->setExtraSeriesNames({u"language_processor.cache_size"_s});
    auto* splitter = window.findChild<QSplitter*>(u"chartsSplitter"_s);
    QApplication::processEvents();
    splitter->setSizes({150, 300});  // the other way round from the default 3:2
    window.close();
  }
  lh::ui::MainWindow again;
  again.show();
  QApplication::processEvents();
  CHECK(again.size() == QSize(1000, 640));
  CHECK_FALSE(again.findChild<QDockWidget*>(u"eventsDock"_s)->isVisible());
  CHECK(again.dashboard()->extraSeriesNames() == QStringList{u"language_processor.cache_size"_s});
  const QList<int> sizes = again.findChild<QSplitter*>(u"chartsSplitter"_s)->sizes();
  REQUIRE(sizes.size() == 2);
  CHECK(sizes[0] < sizes[1]);
  QSettings().clear();
}

TEST_CASE("the dark palette darkens the charts, and the choice is kept") {
  QSettings().clear();
  lh::ui::MainWindow window;
  window.show();
  const QColor light_background = window.dashboard()->headlineChart()->palette().color(QPalette::Window);
  window.actions().theme_dark->trigger();
  QApplication::processEvents();
  CHECK(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
  CHECK(window.dashboard()->headlineChart()->palette().color(QPalette::Window) != light_background);
  CHECK(lh::ui::AppSettings::theme() == lh::ui::Theme::dark);
  window.actions().theme_system->trigger();
  CHECK(lh::ui::AppSettings::theme() == lh::ui::Theme::system);
  QSettings().clear();
}
