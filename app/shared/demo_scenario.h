#pragma once

#include <string_view>

namespace lh::app {

// resources/scenarios/demo-target.leakhound.json as it was at build time:
// the main job runs the demo scenario from any folder, installed or not.
std::string_view demo_scenario_json();

}  // namespace lh::app
