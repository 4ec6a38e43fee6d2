// leakhound-cli import-ab: turns an ab command line into a scenario file.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "common/atomic_file.h"
#include "parse_args.h"
#include "scenario/ab_command_line.h"
#include "scenario/import_ab.h"
#include "scenario/scenario_file.h"
#include "scenario/serialize.h"
#include "scenario/shell_words.h"

namespace lh::cli {
namespace {

struct ImportAbOptions {
  std::string command;
  // The command's other words, when the shell split it (not quoted as one
  // argument): `import-ab ab -n 1000 -c 50 URL` or `import-ab -- ab …`.
  std::vector<std::string> more_words;
  std::vector<std::string> monitors;
  std::string output;
};

std::vector<std::string> ab_words(const ImportAbOptions& o) {
  std::vector<std::string> words = scenario::split_shell_words(o.command);
  auto more = o.more_words.begin();
  if (more != o.more_words.end() && *more == "--") ++more;
  words.insert(words.end(), more, o.more_words.end());
  return words;
}

int run_import_ab(const ImportAbOptions& o) {
  const std::string program = "leakhound-cli import-ab";
  scenario::AbImport imported;
  const std::filesystem::path output(o.output);
  try {
    const auto options = scenario::read_ab_command_line(ab_words(o));
    imported = scenario::scenario_from_ab(options, o.monitors, output.parent_path());
    if (!o.output.empty()) scenario::save_scenario_file(output, imported.scenario);
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  } catch (const RuntimeFailure& e) {
    return app::report_runtime_failure(program, e.what());
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
                  "http://127.0.0.1:8000/segment', or unquoted after this command's own options")
      ->required();
  // Unquoted, ab's options and URL are words this command does not know:
  // they are the rest of the ab command line, in their order.
  cmd->allow_extras();
  // One value each time: a greedy list would take the ab command line that
  // follows (`--monitor port:1 'ab …'`) for a second probe.
  cmd->add_option("--monitor", options->monitors,
                  "A probe, as monitor's SOURCE (URL, pid:N, port:N, PRESET=URL) or a path on the target such as "
                  "/memory-stats or segmentation=/memory-stats; may repeat")
      ->allow_extra_args(false);
  cmd->add_option("-o,--output", options->output, "Write the scenario to FILE (NAME.leakhound.json) instead of stdout");
  cmd->footer(
      "ab's options mean what they mean to `bench`. The target is the URL's origin and the request's path its path;\n"
      "-p/-u files are written relative to the output file's folder. $NAME in the command (in single quotes, so\n"
      "your shell leaves it) becomes ${ENV:NAME} in header and cookie values: secrets stay out of the file.\n"
      "Example:\n"
      "  leakhound-cli import-ab 'ab -n 1000 -c 50 -k -p body.json -T application/json http://127.0.0.1:8001/segment' \\\n"
      "      --monitor segmentation=/memory-stats -o segmentation.leakhound.json\n"
      "Unquoted, this command's own options come first: import-ab -o x.leakhound.json -- ab -n 1000 URL");
  return Command{cmd, [options, cmd] {
                   options->more_words = cmd->remaining();
                   return run_import_ab(*options);
                 }};
}

}  // namespace lh::cli
