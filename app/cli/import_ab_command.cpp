// leakhound-cli import-ab: turns an ab command line into a scenario file.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "ab_command_line.h"
#include "commands.h"
#include "common/atomic_file.h"
#include "parse_args.h"
#include "scenario/import_ab.h"
#include "scenario/scenario_file.h"
#include "scenario/serialize.h"
#include "scenario/shell_words.h"

namespace lh::cli {
namespace {

struct ImportAbOptions {
  std::string command;
  std::vector<std::string> monitors;
  std::string output;
};

int run_import_ab(const ImportAbOptions& o) {
  const std::string program = "leakhound-cli import-ab";
  scenario::AbImport imported;
  const std::filesystem::path output(o.output);
  try {
    const auto options = app::read_ab_command_line(scenario::split_shell_words(o.command));
    imported = scenario::scenario_from_ab(options, o.monitors, output.parent_path());
    if (!o.output.empty()) scenario::save_scenario_file(output, imported.scenario);
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  } catch (const WriteError& e) {
    return app::report_write_failure(program, e.what());
  }
  if (o.output.empty()) {
    std::fputs(scenario::to_text(imported.scenario).c_str(), stdout);
  } else {
    std::fprintf(stderr, "%s: wrote %s\n", program.c_str(), o.output.c_str());
    if (!o.output.ends_with(scenario::kFileExtension)) {
      imported.notes.push_back(std::string("scenario files are named NAME") + std::string(scenario::kFileExtension) +
                               " (that is how the desktop app knows them)");
    }
  }
  for (const auto& note : imported.notes) std::fprintf(stderr, "%s: note: %s\n", program.c_str(), note.c_str());
  return app::kExitOk;
}

}  // namespace

Command add_import_ab_command(CLI::App& parent) {
  auto options = std::make_shared<ImportAbOptions>();
  CLI::App* cmd = parent.add_subcommand("import-ab", "Turn an ab command line into a scenario file.");
  cmd->add_option("COMMAND", options->command,
                  "The ab command line, quoted as one argument: 'ab -n 1000 -c 50 -k -p body.json -T application/json "
                  "http://127.0.0.1:8000/segment'")
      ->required();
  cmd->add_option("--monitor", options->monitors,
                  "A probe, as monitor's SOURCE (URL, pid:N, port:N, PRESET=URL) or a path on the target such as "
                  "/memory-stats or segmentation=/memory-stats; may repeat");
  cmd->add_option("-o,--output", options->output, "Write the scenario to FILE (NAME.leakhound.json) instead of stdout");
  cmd->footer(
      "ab's options mean what they mean to `bench`. The target is the URL's origin and the request's path its path;\n"
      "-p/-u files are written relative to the output file's folder. $NAME in the command (in single quotes, so\n"
      "your shell leaves it) becomes ${ENV:NAME} in header and cookie values: secrets stay out of the file.\n"
      "Example:\n"
      "  leakhound-cli import-ab 'ab -n 1000 -c 50 -k -p body.json -T application/json http://127.0.0.1:8001/segment' \\\n"
      "      --monitor segmentation=/memory-stats -o segmentation.leakhound.json");
  return Command{cmd, [options] { return run_import_ab(*options); }};
}

}  // namespace lh::cli
