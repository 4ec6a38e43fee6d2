// leakhound-cli run: a scenario's load and probes on one clock, its
// progress on a terminal, and a session folder with the files and report.
#include <memory>

#include "commands.h"
#include "common/input_error.h"
#include "parse_args.h"
#include "scenario/resolve.h"
#include "session_driver.h"
#include "session/session_folder.h"
#include "session_output.h"

namespace lh::cli {
namespace {

struct RunOptions {
  std::string scenario;
  std::string out;
  std::string duration;
  std::string target;
  bool watch_only = false;
  bool fail_on_leak = false;
};

int run(const RunOptions& o) {
  const std::string program = "leakhound-cli run";
  session::SessionPlan plan;
  std::filesystem::path folder;
  try {
    scenario::ResolveOptions options;
    options.target = o.target;
    options.duration = o.duration;
    options.watch_only = o.watch_only;
    plan = scenario::load_session_plan(o.scenario, std::move(options));
    folder = o.out.empty() ? session::new_session_folder({}, plan.name) : std::filesystem::path(o.out);
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  }
  return run_session_to_end(std::move(plan), folder, o.fail_on_leak, program);
}

}  // namespace

Command add_run_command(CLI::App& parent) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* app = parent.add_subcommand(
      "run", "Run a scenario: its load (if any) and probes on one clock, then the files, the verdicts and report.pdf");
  app->add_option("SCENARIO", options->scenario, "A scenario file (*.leakhound.json; see docs/SCENARIOS.md)")
      ->required();
  app->add_option("--out", options->out, "The session folder (default: a new leakhound-<name>-<time> folder here)");
  app->add_option("--duration", options->duration,
                  "Run the load this long instead of the scenario's duration or count; without load, watch this "
                  "long instead of probes.duration");
  app->add_flag("--watch-only", options->watch_only,
                "Leave the scenario's load out: only watch while the traffic comes from elsewhere");
  app->add_option("--target", options->target, "The service's base URL instead of the scenario's target");
  app->add_flag("--fail-on-leak", options->fail_on_leak, "Exit with status 1 when the watched memory leaks");
  app->footer(
      "The session folder gets samples.csv, events.csv, requests.csv, summary.json and report.pdf at the end,\n"
      "and a journal all along: after a crash, `leakhound-cli report DIR` rebuilds the rest (docs/SESSIONS.md).\n"
      "Ctrl-C stops the run and still writes everything. A session without load (no \"load\" in the scenario,\n"
      "or --watch-only) lasts --duration or probes.duration, or with neither until Ctrl-C or SIGTERM.\n"
      "Exit status: 0 done, 1 a leak with --fail-on-leak, 2 bad input, 3 the target unreachable at the start,\n"
      "4 a result file could not be written (disk full: the journal keeps the run for `report`).");
  return Command{app, [options] { return run(*options); }};
}

}  // namespace lh::cli
