#include "session_driver.h"

#include <unistd.h>

#include <cstdio>
#include <memory>

#include "common/atomic_file.h"
#include "common/duration.h"
#include "parse_args.h"
#include "session/session_runner.h"
#include "session_output.h"
#include "stop_signals.h"

namespace lh::cli {
namespace {

constexpr long kPollMs = 250;
constexpr double kLogEveryS = 10;

}  // namespace

int run_session_to_end(session::SessionPlan plan, const std::filesystem::path& folder, bool fail_on_leak,
                       const std::string& program) {
  StopSignals signals;  // before the session's threads start: they inherit the mask
  std::unique_ptr<session::SessionRunner> runner;
  try {
    runner = std::make_unique<session::SessionRunner>(std::move(plan), session::RunOptions{.folder = folder});
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  }
  const auto& p = runner->plan();
  std::printf("Session %s%s: %zu request kind%s against %s, probes every %s; writing to %s\n",
              p.name.empty() ? "" : "\"", (p.name.empty() ? std::string("(unnamed)") : p.name + "\"").c_str(),
              p.load.requests.size(), p.load.requests.size() == 1 ? "" : "s",
              p.load.requests.empty() ? "-" : p.load.requests.front().url.c_str(),
              format_duration(p.probes.interval).c_str(), folder.string().c_str());
  std::fflush(stdout);

  const bool terminal = isatty(STDERR_FILENO) != 0;
  double logged_at = -kLogEveryS;
  try {
    runner->start();
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  }
  while (!runner->wait_for(std::chrono::milliseconds(0))) {
    if (signals.wait(kPollMs)) runner->stop();
    const session::SessionProgress progress = runner->progress();
    if (terminal) {
      std::fprintf(stderr, "\r%s\033[K", session::progress_line(progress).c_str());
    } else if (progress.elapsed_s - logged_at >= kLogEveryS) {
      std::fprintf(stderr, "%s\n", session::progress_line(progress).c_str());
      logged_at = progress.elapsed_s;
    }
  }
  if (terminal) std::fprintf(stderr, "\n");

  const session::SessionProgress end = runner->progress();
  runner.reset();
  if (end.state == session::SessionState::failed) return app::report_bad_input(program, end.error);
  if (end.state == session::SessionState::unreachable) {
    std::fprintf(stderr, "%s: the target was unreachable at the start: %s\n", program.c_str(),
                 end.error.empty() ? "no connection" : end.error.c_str());
  }
  session::SessionData data;
  try {
    data = write_session_results(folder);
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  } catch (const WriteError& e) {
    // The journal holds the run: `report` writes the files again once there is room.
    return app::report_write_failure(program, std::string(e.what()) + "; the journal keeps the run: `leakhound-cli report " +
                                                  folder.string() + "` writes the files again");
  }
  if (end.state == session::SessionState::unreachable) return kExitUnreachable;
  const session::SeriesVerdict* watched = data.watched();
  return fail_on_leak && watched && watched->verdict.kind == analysis::VerdictKind::leak ? kExitLeak : app::kExitOk;
}

}  // namespace lh::cli
