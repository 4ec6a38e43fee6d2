// leakhound-cli validate: checks scenario files and names every problem.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "parse_args.h"
#include "scenario/plan_summary.h"
#include "scenario/resolve.h"

namespace lh::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  bool no_env = false;
};

// One line per problem ("FILE: path: message"), or one OK line per file.
// The problems are what this command is for, so they go to stdout.
int run_validate(const ValidateOptions& options) {
  scenario::ResolveOptions resolve;
  resolve.require_env = !options.no_env;
  bool all_good = true;
  for (const auto& file : options.files) {
    const auto checked = scenario::check_scenario_file(file, resolve);
    if (!checked.ok()) {
      all_good = false;
      for (const auto& line : scenario::problem_lines(checked.problems, file)) std::printf("%s\n", line.c_str());
      continue;
    }
    const auto& plan = checked.plan;
    std::printf("%s: OK: \"%s\": %s\n", file.c_str(), plan.name.c_str(), scenario::summarize(plan).c_str());
  }
  std::fflush(stdout);
  return all_good ? app::kExitOk : app::kExitBadInput;
}

}  // namespace

Command add_validate_command(CLI::App& parent) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* cmd = parent.add_subcommand(
      "validate", "Check scenario files (*.leakhound.json): print every problem, one a line, and exit 2 if any.");
  cmd->add_option("FILE", options->files, "Scenario files to check")->required();
  cmd->add_flag("--no-env", options->no_env,
                "Do not require the ${ENV:NAME} variables to be set (check the files alone, e.g. in CI without secrets)");
  cmd->footer(
      "Each problem is named by its JSON path and says what was expected:\n"
      "  demo.leakhound.json: load.stages[1].duration: expected a duration such as \"30s\" or \"10m\", got -5\n"
      "The format: docs/SCENARIOS.md.");
  return Command{cmd, [options] { return run_validate(*options); }};
}

}  // namespace lh::cli
