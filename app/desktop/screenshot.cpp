#include "screenshot.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

#include "main_window.h"
#include "run/run_controller.h"
#include "run/run_controls.h"

namespace lh::desktop {

void schedule_screenshot(ui::MainWindow& window, const QString& png, std::chrono::milliseconds after) {
  QTimer::singleShot(after, &window, [&window, png] {
    const bool saved = window.grab().save(png, "PNG");
    if (saved) {
      std::printf("Screenshot in %s\n", QDir::toNativeSeparators(png).toLocal8Bit().constData());
    } else {
      std::fprintf(stderr, "leakhound: --screenshot: cannot write \"%s\"\n", png.toLocal8Bit().constData());
    }
    std::fflush(stdout);
    // exit(), not quit(): quitting would ask about a run or unsaved changes.
    window.runControls()->controller()->stopThen([saved] { QCoreApplication::exit(saved ? 0 : 1); });
  });
}

}  // namespace lh::desktop
