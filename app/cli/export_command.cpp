// leakhound-cli export: writes a scenario's load as a Locust or k6 script.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "common/atomic_file.h"
#include "common/quote_value.h"
#include "parse_args.h"
#include "scenario/export_script.h"

namespace lh::cli {
namespace {

struct ExportOptions {
  std::string format;
  std::string scenario;
  std::string output;
};

int run_export(const ExportOptions& o) {
  const std::string program = "leakhound-cli export";
  const auto format = scenario::script_format(o.format);
  if (!format) return app::report_bad_input(program, "FORMAT: expected locust or k6, got " + quote_value(o.format));
  std::string script;
  try {
    script = scenario::export_script(o.scenario, *format);
    if (!o.output.empty()) write_file_atomically(o.output, script);
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  } catch (const RuntimeFailure& e) {
    return app::report_runtime_failure(program, e.what());
  }
  if (o.output.empty()) {
    std::fputs(script.c_str(), stdout);
  } else {
    std::fprintf(stderr, "%s: wrote %s\n", program.c_str(), o.output.c_str());
  }
  return app::kExitOk;
}

}  // namespace

Command add_export_command(CLI::App& parent) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = parent.add_subcommand("export", "Write a scenario's load as a Locust locustfile or a k6 script.");
  cmd->add_option("FORMAT", options->format, "locust (a locustfile for Locust 2.12) or k6 (a k6 script)")->required();
  cmd->add_option("SCENARIO", options->scenario, "The scenario file (*.leakhound.json)")->required();
  cmd->add_option("-o,--output", options->output, "Write the script to FILE instead of stdout");
  cmd->footer(
      "The script sends the scenario's requests with their weights, bodies, headers and uploads, at its rate or\n"
      "concurrency, through its stages, until its duration or count. ${ENV:NAME} references stay references:\n"
      "os.environ[\"NAME\"] in Python, env(\"NAME\") from k6's -e NAME=VALUE; no secret is written. Files are read\n"
      "under the scenario's folder, or LEAKHOUND_FILES_DIR. What a tool cannot do as LeakHound does is said in\n"
      "the script's opening comment. Examples:\n"
      "  leakhound-cli export locust demo.leakhound.json -o locustfile.py\n"
      "  leakhound-cli export k6 demo.leakhound.json -o script.js");
  return Command{cmd, [options] { return run_export(*options); }};
}

}  // namespace lh::cli
