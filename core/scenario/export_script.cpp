#include "scenario/export_script.h"

#include "scenario/k6_script.h"
#include "scenario/locustfile.h"
#include "scenario/resolve.h"
#include "scenario/scenario_file.h"

namespace lh::scenario {

std::optional<ScriptFormat> script_format(std::string_view name) {
  if (name == "locust") return ScriptFormat::locust;
  if (name == "k6") return ScriptFormat::k6;
  return std::nullopt;
}

std::string export_script(const std::filesystem::path& scenario_file, ScriptFormat format) {
  ResolveOptions options;
  options.require_env = false;
  auto checked = check_scenario_file(scenario_file, options);
  if (!checked.ok()) throw ScenarioError(std::move(checked.problems), scenario_file);
  const Scenario scenario = load_scenario_file(scenario_file);
  const auto base_dir = std::filesystem::absolute(scenario_file).parent_path().lexically_normal();
  return format == ScriptFormat::locust ? locustfile(scenario, base_dir) : k6_script(scenario, base_dir);
}

}  // namespace lh::scenario
