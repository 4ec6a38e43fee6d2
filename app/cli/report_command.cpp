// leakhound-cli report: (re)writes a session folder's files and PDF from its
// journal, also after the run was killed.
#include <memory>

#include "commands.h"
#include "common/atomic_file.h"
#include "common/input_error.h"
#include "parse_args.h"
#include "session_output.h"

namespace lh::cli {

Command add_report_command(CLI::App& parent) {
  auto folder = std::make_shared<std::string>();
  CLI::App* app = parent.add_subcommand(
      "report", "Rebuild a session folder's samples.csv, events.csv, requests.csv, summary.json and report.pdf from its journal");
  app->add_option("DIR", *folder, "A session folder, as `run` or `demo` wrote it (finished or killed)")->required();
  app->footer(
      "Works on a run that was killed: everything its journal holds up to the last second is kept.\n"
      "Each file is written whole or not at all (a temporary file renamed into place).\n"
      "Exit status: 0 done, 2 when DIR holds no session, 4 when a file cannot be written (the system's reason is given).");
  return Command{app, [folder] {
                   try {
                     write_session_results(*folder);
                     return app::kExitOk;
                   } catch (const InputError& e) {
                     return app::report_bad_input("leakhound-cli report", e.what());
                   } catch (const WriteError& e) {
                     return app::report_write_failure("leakhound-cli report", e.what());
                   }
                 }};
}

}  // namespace lh::cli
