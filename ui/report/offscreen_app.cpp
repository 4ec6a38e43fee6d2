#include "report/offscreen_app.h"

#include <QApplication>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace lh::ui::report {

namespace {

QtMessageHandler previous_handler = nullptr;

// A command-line program on a server has no XDG runtime folder, and Qt says
// so on every start; nothing the report does needs one.
void quiet_about_runtime_dir(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (type == QtWarningMsg && message.startsWith(u"QStandardPaths: XDG_RUNTIME_DIR not set")) return;
  if (previous_handler) previous_handler(type, context, message);
}

}  // namespace

std::unique_ptr<QApplication> make_offscreen_app() {
  if (QCoreApplication::instance()) return nullptr;
  previous_handler = qInstallMessageHandler(quiet_about_runtime_dir);
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  // QApplication keeps references to argc and argv for its whole life.
  static int argc = 1;
  static char name[] = "leakhound-cli";
  static char* argv[] = {name, nullptr};
  return std::make_unique<QApplication>(argc, argv);
}

}  // namespace lh::ui::report
