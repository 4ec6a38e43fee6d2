#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "scenario/problems.h"
#include "scenario/scenario.h"

namespace lh::scenario {

// A scenario as far as it could be read, and every problem found: what the
// desktop editor shows, each problem next to its field. A field with a
// problem is left unwritten in `scenario`.
struct ParsedScenario {
  Scenario scenario;
  Problems problems;
  bool ok() const { return problems.empty(); }
};

// Reads a scenario file's text: JSON syntax (with the line and column of a
// syntax error), duplicate keys, the format version, every key's type and
// range, unknown keys. Nothing here looks at files, the network or the
// environment: resolve() does.
ParsedScenario parse_scenario(std::string_view json_text);

// The same on JSON already parsed (duplicate keys can no longer be seen).
ParsedScenario parse_scenario_json(const Json& document);

// parse_scenario(), throwing ScenarioError with every problem.
Scenario read_scenario(std::string_view json_text);

}  // namespace lh::scenario
