#pragma once

#include <QString>
#include <chrono>

namespace lh::ui {
class MainWindow;
}

namespace lh::desktop {

// scripts/screenshot.sh's picture: `after` from now, grabs the window as it
// is drawn (QWidget::grab: no screen capture, no extra tool), saves it as
// `png`, then stops the run (its journal whole) and quits with 0, or 1 when
// the file could not be written.
void schedule_screenshot(ui::MainWindow& window, const QString& png, std::chrono::milliseconds after);

}  // namespace lh::desktop
