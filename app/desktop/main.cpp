// leakhound: the desktop app.
#include <QApplication>
#include <QIcon>
#include <QTimer>
#include <cstdio>
#include <optional>

#include "common/heap.h"
#include "common/input_error.h"
#include "common/version.h"
#include "demo_target_process.h"
#include "editor/scenario_document.h"
#include "launch_options.h"
#include "main_window.h"
#include "run/demo_scenario_document.h"
#include "sessions/session_folders.h"
#include "run/run_controls.h"
#include "screenshot.h"
#include "shell/app_settings.h"
#include "shell/theme.h"

using namespace Qt::StringLiterals;

int main(int argc, char** argv) {
  lh::return_large_blocks_to_the_system();
  // Fractional scale factors (150 %) as the screen asks, not rounded to 1x
  // or 2x: charts reduce to the real device pixels either way.
  QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
  QApplication app(argc, argv);
  QApplication::setApplicationName(u"LeakHound"_s);
  QApplication::setOrganizationName(u"LeakHound"_s);
  QApplication::setApplicationVersion(QString::fromUtf8(lh::kVersion));
  QApplication::setDesktopFileName(u"io.github.leakhound.LeakHound"_s);
  QApplication::setWindowIcon(QIcon(u":/icons/leakhound.svg"_s));
  const lh::desktop::LaunchOptions options = lh::desktop::read_launch_options();

  // Started before the window, stopped after it (declared first): the run
  // ends before its target goes.
  std::optional<lh::app::DemoTargetProcess> demo_target;
  if (options.demo) {
    try {
      demo_target.emplace(lh::app::demo_target_flags());
    } catch (const lh::InputError& e) {
      std::fprintf(stderr, "leakhound: --demo: %s\n", e.what());
      return 2;
    }
    std::printf("Demo target at %s, leaking %d KiB per request beside a cache of %d documents\n",
                demo_target->url().c_str(), lh::app::kDemoLeakKib, lh::app::kDemoCacheEntries);
    std::fflush(stdout);
  }

  lh::ui::apply_theme(lh::ui::AppSettings::theme());
  lh::ui::MainWindow window;
  if (options.size) window.resize(*options.size);
  window.show();
  // Once the window shows: opening may ask questions.
  QTimer::singleShot(0, &window, [&window, &options, &demo_target] {
    if (!demo_target && options.file.isEmpty()) {
      window.sessionFolders()->offerUnfinishedRun();
      return;
    }
    if (demo_target) {
      lh::ui::open_demo_scenario(*window.document(), demo_target->url(),
                                 lh::ui::AppSettings::lastFolder(lh::ui::AppSettings::Folder::scenarios));
    } else if (!options.file.isEmpty() && !window.openAny(options.file)) {
      return;
    }
    if (options.demo || options.run) window.runControls()->start();
  });
  if (!options.screenshot.isEmpty()) lh::desktop::schedule_screenshot(window, options.screenshot, options.screenshot_after);
  return QApplication::exec();
}
