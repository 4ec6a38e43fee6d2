#pragma once

#include <string>

#include "scenario/scenario.h"

namespace lh::scenario {

// The scenario as its file holds it: "leakhound_scenario" first, then every
// written key in the documented order (docs/SCENARIOS.md), whatever order
// it was read in, so saving is stable and diffs stay small. Reading what
// this writes gives the same Scenario back.
Json to_json(const Scenario& scenario);

// to_json() as text: two-space indents, a newline at the end.
std::string to_text(const Scenario& scenario);

}  // namespace lh::scenario
