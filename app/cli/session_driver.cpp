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
  const std::string name = p.name.empty() ? std::string("(unnamed)") : "\"" + p.name + "\"";
  std::string what;
  if (p.load) {
    what = std::to_string(p.load->requests.size()) + " request kind" + (p.load->requests.size() == 1 ? "" : "s") +
           " against " + (p.load->requests.empty() ? std::string("-") : p.load->requests.front().url);
  } else {
    what = "no load, watching " + (p.watch_duration ? "for " + format_duration(*p.watch_duration) : std::string("until Ctrl-C"));
  }
  if (!p.request_counter.empty()) what += ", requests counted by " + p.request_counter;
  std::printf("Session %s: %s, probes every %s; writing to %s\n", name.c_str(), what.c_str(),
              format_duration(p.probes.interval).c_str(), folder.string().c_str());
  std::fflush(stdout);

  const bool terminal = isatty(STDERR_FILENO) != 0;
  double logged_at = -kLogEveryS;
  try {
    runner->start();
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  } catch (const RuntimeFailure& e) {
    return app::report_runtime_failure(program, e.what());
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
  // The run broke off (its journal could not be written, memory ran out):
  // not the input's fault.
  if (end.state == session::SessionState::failed) return app::report_runtime_failure(program, end.error);
  if (end.state == session::SessionState::unreachable) {
    std::fprintf(stderr, "%s: the target was unreachable at the start: %s\n", program.c_str(),
                 end.error.empty() ? "no connection" : end.error.c_str());
  }
  session::SessionData data;
  try {
    data = write_session_results(folder);
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  } catch (const RuntimeFailure& e) {
    // The journal holds the run: `report` writes the files again once there is room.
    return app::report_runtime_failure(program, std::string(e.what()) + "; the journal keeps the run: `leakhound-cli report " +
                                                  folder.string() + "` writes the files again");
  }
  if (end.state == session::SessionState::unreachable) return app::kExitUnreachable;
  const session::SeriesVerdict* watched = data.watched();
  return fail_on_leak && watched && watched->verdict.kind == analysis::VerdictKind::leak ? app::kExitLeak : app::kExitOk;
}

}  // namespace lh::cli
