#include <QAction>
#include <QMessageBox>
#include <QTimer>
#include <catch2/catch.hpp>

#include "main_window.h"

using namespace Qt::StringLiterals;

TEST_CASE("the main window shows the app's name and icon") {
  lh::ui::MainWindow window;
  window.show();
  CHECK(window.windowTitle() == u"LeakHound"_s);
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
