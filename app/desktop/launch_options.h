#pragma once

#include <QSize>
#include <QString>
#include <chrono>
#include <optional>

namespace lh::desktop {

// What `leakhound` was asked to do at start-up.
//   leakhound [FILE]                 open a scenario (or a session folder)
//   leakhound --run FILE             … and start its run at once
//   leakhound --demo                 start the bundled demo target and run the demo scenario on it
// For scripts/screenshot.sh (hidden from --help, documented in README.md,
// "Desktop app"):
//   --screenshot PNG [--after SECONDS] [--size WxH]
//                                    save a picture of the window after SECONDS
//                                    (default 60), then stop the run and quit
struct LaunchOptions {
  QString file;
  bool run = false;
  bool demo = false;
  QString screenshot;
  std::chrono::milliseconds screenshot_after{60'000};
  std::optional<QSize> size;
};

// Reads the application's command line (a QApplication exists); on bad
// input prints one line naming what is wrong and exits with status 2
// (--help and --version exit 0).
LaunchOptions read_launch_options();

}  // namespace lh::desktop
