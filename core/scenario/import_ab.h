#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "load/ab_options.h"
#include "scenario/references.h"
#include "scenario/scenario.h"

namespace lh::scenario {

struct AbImport {
  Scenario scenario;
  // What the person should know: no probes yet, a secret written into the
  // file. One line each.
  std::vector<std::string> notes;
};

// `leakhound-cli import-ab`'s work once ab's options are read. `written`
// holds them as split_shell_words() gave them, ${ENV:…} references and
// all. Header and cookie values keep their references (secrets stay out of
// the file); every other value is expanded from `env` first, as the shell
// would have. lh::load::plan_from_ab() then reads the options exactly as
// `bench` does, and the scenario is made from its plan: the target is the
// URL's origin, the request's path its path; body and upload files are
// written relative to `scenario_dir` (where the scenario will be saved).
// `monitors` become the probes (monitor's forms, or paths on the target).
// Throws InputError with one line.
AbImport scenario_from_ab(const load::AbOptions& written, const std::vector<std::string>& monitors,
                          const std::filesystem::path& scenario_dir, const EnvLookup& env = process_environment());

}  // namespace lh::scenario
