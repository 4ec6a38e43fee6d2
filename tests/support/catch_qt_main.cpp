#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QStandardPaths>
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char** argv) {
  // A GUI test needs no screen: fall back to the offscreen platform.
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  // Settings and data go to test locations, never the user's own.
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("LeakHound"));
  QApplication::setApplicationName(QStringLiteral("LeakHound tests"));
  return Catch::Session().run(argc, argv);
}
