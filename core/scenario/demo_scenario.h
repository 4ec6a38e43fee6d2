#pragma once

#include <string_view>

namespace lh::scenario {

// resources/scenarios/demo-target.leakhound.json as it was at build time,
// so `leakhound-cli demo` and `leakhound --demo` run it from any folder,
// installed or not.
std::string_view demo_scenario_json();

}  // namespace lh::scenario
