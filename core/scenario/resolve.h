#pragma once

#include <filesystem>
#include <string>

#include "scenario/problems.h"
#include "scenario/references.h"
#include "scenario/scenario.h"
#include "session/session_plan.h"

namespace lh::scenario {

struct ResolveOptions {
  // Replaces the scenario's target (`run --target`; the demo points the
  // demo scenario at the port its target got).
  std::string target;
  // Replaces load.duration, as typed ("10m"), and drops load.count
  // (`run --duration`): a longer or shorter run of the same load. Without
  // a load, replaces probes.duration: how long the session watches.
  std::string duration;
  // Leaves the load out: the session only watches (`run --watch-only`,
  // the desktop's Watch only), while the traffic comes from elsewhere.
  bool watch_only = false;
  // The plan's name when the scenario gives none (name_from_file()).
  std::string default_name;
  // Where ${ENV:NAME} references are looked up; default: the process's
  // environment.
  EnvLookup env;
  // false: an unset variable is not a problem, and the fields that use it
  // are not checked further (`validate --no-env`, a CI job without secrets).
  bool require_env = true;
};

// A plan as far as it could be resolved, and every problem found.
struct Resolution {
  session::SessionPlan plan;
  Problems problems;
  bool ok() const { return problems.empty(); }
};

// The analysis thresholds a scenario's `leak` section sets, the rest at
// their defaults. The section must have been read (its values checked).
analysis::AnalysisParameters analysis_parameters(const Leak& leak);

// Turns a scenario into what a session runs: references replaced by their
// variables, paths joined to the target, files made absolute against
// `base_dir` (the scenario file's folder) and checked to exist; then the
// load plan's and probe configuration's own check(), their problems' paths
// put under "load" and "probes". SessionPlan::scenario gets the scenario as
// written (with the overrides), secrets masked (redacted_json()).
Resolution resolve_collecting(const Scenario& scenario, const std::filesystem::path& base_dir,
                              const ResolveOptions& options = {});

// resolve_collecting(), throwing ScenarioError with every problem.
session::SessionPlan resolve(const Scenario& scenario, const std::filesystem::path& base_dir,
                             const ResolveOptions& options = {});

// Every problem of a scenario as it is being edited (the desktop editor):
// its values checked as if read back from its file, then resolved against
// `base_dir`; with no problem, the plan.
Resolution check_scenario(const Scenario& scenario, const std::filesystem::path& base_dir, const ResolveOptions& options = {});

// Every problem of a scenario file at once: reading it, and resolving what
// could be read (not again under a field whose reading failed); with no
// problem, the plan (base folder: the file's; default name: name_from_file()).
Resolution check_scenario_file(const std::filesystem::path& file, ResolveOptions options = {});

// Reads, checks and resolves a file (base folder: the file's; default name:
// name_from_file()): what `leakhound-cli run` calls. Throws ScenarioError,
// its lines naming the file.
session::SessionPlan load_session_plan(const std::filesystem::path& file, ResolveOptions options = {});

}  // namespace lh::scenario
