// leakhound-cli: LeakHound without a screen, for terminals and CI.
#include <new>
#include <vector>

#include "commands.h"
#include "common/heap.h"
#include "common/runtime_failure.h"
#include "common/version.h"
#include "parse_args.h"

int main(int argc, char** argv) {
  lh::return_large_blocks_to_the_system();
  CLI::App app{
      "LeakHound: load-test an HTTP service while watching its "
      "memory, and flag leaks.",
      "leakhound-cli"};
  app.set_version_flag("--version", std::string("leakhound-cli ") + lh::kVersion);
  app.require_subcommand(0, 1);
  app.footer(std::string("Run 'leakhound-cli COMMAND --help' for a command's options.\n\n") + lh::app::kExitStatusHelp);

  // In the order a user meets them: a whole session, its files, then the
  // single jobs (load, probes, analysis) and scenario files.
  const std::vector<lh::cli::Command> commands{
      lh::cli::add_run_command(app),     lh::cli::add_demo_command(app),     lh::cli::add_report_command(app),
      lh::cli::add_compare_command(app), lh::cli::add_bench_command(app),    lh::cli::add_monitor_command(app),
      lh::cli::add_analyze_command(app), lh::cli::add_validate_command(app), lh::cli::add_import_ab_command(app),
      lh::cli::add_export_command(app),
  };

  if (auto status = lh::app::parse_args(app, argc, argv)) return *status;
  for (const auto& command : commands) {
    if (!command.app->parsed()) continue;
    // A runtime failure a command did not say more about still ends as one
    // line and exit 4, never as an abort.
    const std::string program = app.get_name() + " " + command.app->get_name();
    try {
      return command.run();
    } catch (const lh::RuntimeFailure& e) {
      return lh::app::report_runtime_failure(program, e.what());
    } catch (const std::bad_alloc&) {
      return lh::app::report_runtime_failure(program, "out of memory");
    }
  }
  std::fputs(app.help().c_str(), stdout);
  return lh::app::kExitOk;
}
