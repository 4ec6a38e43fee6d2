#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lh::scenario {

// The scripts a scenario exports to: `leakhound-cli export FORMAT`.
enum class ScriptFormat { locust, k6 };
// "locust", "k6"; nullopt for anything else.
std::optional<ScriptFormat> script_format(std::string_view name);

// Reads and checks a scenario file as `validate --no-env` does (its
// variables need not be set: the script reads them when it runs), then
// writes it as a script (locustfile(), k6_script()), files relative to the
// scenario's folder. Throws ScenarioError naming the file and every
// problem, or InputError for what the format cannot say.
std::string export_script(const std::filesystem::path& scenario_file, ScriptFormat format);

}  // namespace lh::scenario
