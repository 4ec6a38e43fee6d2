#pragma once

#include <filesystem>
#include <string>

#include "scenario/parse.h"
#include "scenario/scenario.h"

namespace lh::scenario {

// Reads and parses a scenario file. A file that cannot be read is one
// problem (with an empty path) like any other.
ParsedScenario parse_scenario_file(const std::filesystem::path& file);

// parse_scenario_file(), throwing ScenarioError (its lines name the file).
Scenario load_scenario_file(const std::filesystem::path& file);

// Writes to_text(scenario) through lh::write_file_atomically (a temporary
// file beside `file`, flushed to disk and renamed over it), so a crash or a
// full disk never leaves a half-written scenario. An existing file keeps its
// permissions. Throws lh::WriteError naming the file and the system's reason.
void save_scenario_file(const std::filesystem::path& file, const Scenario& scenario);

// "segmentation-service.leakhound.json" → "segmentation-service": a
// scenario's name when it gives none.
std::string name_from_file(const std::filesystem::path& file);

}  // namespace lh::scenario
