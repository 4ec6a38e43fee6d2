#include "run/demo_scenario_document.h"

#include "editor/scenario_document.h"
#include "scenario/demo_scenario.h"
#include "scenario/parse.h"

namespace lh::ui {

void open_demo_scenario(ScenarioDocument& document, const std::string& target_url, const QString& base_folder) {
  scenario::Scenario demo = scenario::read_scenario(scenario::demo_scenario_json());
  demo.target = target_url;
  document.replace(std::move(demo), base_folder, false);
}

}  // namespace lh::ui
