#include "launch_options.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>
#include <cstdio>
#include <cstdlib>

namespace lh::desktop {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text) { return QApplication::translate("main", text); }

[[noreturn]] void bad_input(const QString& line) {
  std::fprintf(stderr, "leakhound: %s\n", line.toLocal8Bit().constData());
  std::exit(2);
}

}  // namespace

LaunchOptions read_launch_options() {
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Load-test an HTTP service while watching its memory, and flag leaks."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(u"FILE"_s, tr("A scenario file (NAME.leakhound.json) or a recorded session's folder to open"),
                               u"[FILE]"_s);
  const QCommandLineOption run(u"run"_s, tr("Start the scenario's run at once"));
  const QCommandLineOption demo(u"demo"_s, tr("Start the bundled demo target (with a leak) on a free loopback port and "
                                              "run the demo scenario against it; the target stops when LeakHound does"));
  QCommandLineOption screenshot(u"screenshot"_s, tr("Save a PNG of the window, then stop the run and quit"), u"PNG"_s);
  QCommandLineOption after(u"after"_s, tr("Seconds before the screenshot (default 60)"), u"SECONDS"_s, u"60"_s);
  QCommandLineOption size(u"size"_s, tr("The window's size for the screenshot"), u"WxH"_s);
  for (QCommandLineOption* hidden : {&screenshot, &after, &size}) hidden->setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOptions({run, demo, screenshot, after, size});
  if (!parser.parse(QApplication::arguments())) bad_input(parser.errorText());
  if (parser.isSet(u"help"_s)) parser.showHelp(0);
  if (parser.isSet(u"version"_s)) parser.showVersion();

  LaunchOptions o;
  const QStringList files = parser.positionalArguments();
  if (files.size() > 1) bad_input(tr("expected at most one FILE, got %1").arg(files.size()));
  if (!files.isEmpty()) o.file = files.front();
  o.run = parser.isSet(run);
  o.demo = parser.isSet(demo);
  if (o.run && o.file.isEmpty()) bad_input(tr("--run: expected a scenario FILE to run"));
  if (o.demo && !o.file.isEmpty()) bad_input(tr("--demo runs the built-in demo scenario: expected no FILE, got \"%1\"").arg(o.file));
  o.screenshot = parser.value(screenshot);
  bool ok = false;
  const double seconds = parser.value(after).toDouble(&ok);
  if (!ok || seconds < 0) bad_input(tr("--after: expected a number of seconds, got \"%1\"").arg(parser.value(after)));
  o.screenshot_after = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  if (parser.isSet(size)) {
    const auto match = QRegularExpression(u"^(\\d+)x(\\d+)$"_s).match(parser.value(size));
    if (!match.hasMatch()) bad_input(tr("--size: expected WIDTHxHEIGHT such as 1600x1000, got \"%1\"").arg(parser.value(size)));
    o.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
  }
  return o;
}

}  // namespace lh::desktop
