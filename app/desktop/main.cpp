// leakhound: the desktop app.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include "common/version.h"
#include "main_window.h"
#include "shell/app_settings.h"
#include "shell/theme.h"

using namespace Qt::StringLiterals;

int main(int argc, char** argv) {
  // Fractional scale factors (150 %) as the screen asks, not rounded to 1x
  // or 2x: charts reduce to the real device pixels either way.
  QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
  QApplication app(argc, argv);
  QApplication::setApplicationName(u"LeakHound"_s);
  QApplication::setOrganizationName(u"LeakHound"_s);
  QApplication::setApplicationVersion(QString::fromUtf8(lh::kVersion));
  QApplication::setDesktopFileName(u"io.github.leakhound.LeakHound"_s);
  QApplication::setWindowIcon(QIcon(u":/icons/leakhound.svg"_s));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Load-test an HTTP service while watching its memory, and flag leaks."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(u"FILE"_s, QApplication::translate("main", "A scenario file (NAME.leakhound.json) or a "
                                                                          "recorded session's folder to open"),
                               u"[FILE]"_s);
  parser.process(app);
  if (parser.positionalArguments().size() > 1) parser.showHelp(2);

  lh::ui::apply_theme(lh::ui::AppSettings::theme());
  lh::ui::MainWindow window;
  window.show();
  if (!parser.positionalArguments().isEmpty()) {
    // Once the window shows: opening may ask questions.
    QTimer::singleShot(0, &window, [&window, path = parser.positionalArguments().front()] { window.openAny(path); });
  }
  return QApplication::exec();
}
