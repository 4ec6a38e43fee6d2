// The leakhound program itself: `--demo` starts the bundled demo target,
// runs the demo scenario on it and stops the target at exit; the hidden
// `--screenshot` saves the window and quits with the run's journal whole.
// Run as a child with its own HOME, so no setting or session of the user's
// is touched.

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <regex>

#include "child_process.h"
#include "loopback_server.h"
#include "session/session_data.h"

using namespace std::chrono_literals;
using lh::test::run_command;

namespace {

std::vector<std::string> leakhound(const QTemporaryDir& home, std::vector<std::string> args) {
  const std::string h = home.path().toStdString();
  std::vector<std::string> argv{"/usr/bin/env", "HOME=" + h, "XDG_CONFIG_HOME=" + h + "/config", "XDG_RUNTIME_DIR=" + h, "QT_QPA_PLATFORM=offscreen",
                                LH_DESKTOP_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace

TEST_CASE("leakhound --demo runs the demo scenario, and --screenshot saves the window and quits") {
  QTemporaryDir home;
  const QString png = home.filePath(QStringLiteral("shot.png"));
  const auto r = run_command(
      leakhound(home, {"--demo", "--screenshot", png.toStdString(), "--after", "4", "--size", "1000x700"}), 60s);
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);

  const QImage image(png);
  REQUIRE_FALSE(image.isNull());
  CHECK(image.size() == QSize(1000, 700));

  // The demo target it started is gone with it.
  std::smatch port;
  REQUIRE(std::regex_search(r.out, port, std::regex("Demo target at http://127\\.0\\.0\\.1:([0-9]+)")));
  CHECK_FALSE(lh::test::loopback_port_accepts(std::stoi(port[1])));

  // One session, under the default sessions folder, stopped with its journal whole.
  const QDir sessions(home.filePath(QStringLiteral("LeakHound/sessions")));
  const QStringList folders = sessions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
  REQUIRE(folders.size() == 1);
  CHECK(folders.front().startsWith(QStringLiteral("leakhound-Demo-target-")));
  const auto data = lh::session::load_session(sessions.filePath(folders.front()).toStdString());
  CHECK(data.state == "stopped");
  CHECK_FALSE(data.killed());
  CHECK(data.name == "Demo target");
  CHECK(data.store->row_count(data.probe_group) >= 2);
}

TEST_CASE("leakhound's bad options are one line each and exit 2") {
  QTemporaryDir home;
  for (const auto& args : std::vector<std::vector<std::string>>{{"--after", "soon", "--screenshot", "x.png"},
                                                                 {"--size", "big", "--screenshot", "x.png"},
                                                                 {"--demo", "some.leakhound.json"},
                                                                 {"--run"},
                                                                 {"--no-such-option"}}) {
    const auto r = run_command(leakhound(home, args), 30s);
    INFO(args.front() << ": " << r.err);
    CHECK(r.status == 2);
    CHECK(r.err.starts_with("leakhound: "));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}
