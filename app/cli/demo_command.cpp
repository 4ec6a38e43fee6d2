// leakhound-cli demo: the main job without a screen. Starts the bundled
// demo target with a leak on a free loopback port, runs the demo scenario
// against it, stops it, and prints the verdict and where the results went.
#include <cstdio>
#include <memory>
#include <optional>

#include "commands.h"
#include "common/duration.h"
#include "common/input_error.h"
#include "common/quote_value.h"
#include "demo_scenario.h"
#include "demo_target_process.h"
#include "parse_args.h"
#include "scenario/parse.h"
#include "scenario/resolve.h"
#include "session/session_plan.h"
#include "session_driver.h"
#include "session/session_folder.h"
#include "session_output.h"

namespace lh::cli {
namespace {

struct DemoOptions {
  std::string out;
  std::string duration = "2m";
};

// The demo scenario, aimed at the port the demo target got.
session::SessionPlan demo_plan(const std::string& url, const std::string& duration) {
  scenario::ResolveOptions options;
  options.target = url;
  options.duration = duration;
  return scenario::resolve(scenario::read_scenario(app::demo_scenario_json()), std::filesystem::current_path(),
                           options);
}

int run(const DemoOptions& o) {
  const std::string program = "leakhound-cli demo";
  std::filesystem::path folder;
  std::optional<app::DemoTargetProcess> target;
  try {
    if (parse_duration(o.duration).count() <= 0)
      throw InputError("expected a positive duration, got " + quote_value(o.duration));
  } catch (const InputError& e) {
    return app::report_bad_input(program, std::string("--duration: ") + e.what());
  }
  try {
    folder = o.out.empty() ? session::new_session_folder({}, "demo") : std::filesystem::path(o.out);
    target.emplace(app::demo_target_flags());
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  }
  std::printf(
      "Demo target at %s, leaking %d KiB per request beside a cache of "
      "%d documents\n",
      target->url().c_str(), app::kDemoLeakKib, app::kDemoCacheEntries);
  const int status = run_session_to_end(demo_plan(target->url(), o.duration), folder, false, program);
  target.reset();
  return status;
}

}  // namespace

Command add_demo_command(CLI::App& parent) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* app = parent.add_subcommand("demo",
                                        "The main job without a screen: run the demo scenario against "
                                        "the bundled demo target (with a leak)");
  app->add_option("--out", options->out, "The session folder (default: a new leakhound-demo-<time> folder here)");
  app->add_option("--duration", options->duration, "How long the load runs (default 2m)");
  app->footer(
      "Exit status: 0 done, 2 on bad input or when the demo target "
      "cannot be started, 4 when a result file cannot be written.");
  return Command{app, [options] { return run(*options); }};
}

}  // namespace lh::cli
