#include "scenario/scenario_file.h"

#include <fstream>
#include <sstream>

#include "common/atomic_file.h"
#include "scenario/serialize.h"

namespace lh::scenario {
namespace {

// A scenario is a few KiB; anything this large is some other file.
constexpr std::uintmax_t kMaxFileBytes = 16u << 20;

}  // namespace

ParsedScenario parse_scenario_file(const std::filesystem::path& file) {
  ParsedScenario out;
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    out.problems.push_back({"", "cannot read the file: " + ec.message()});
    return out;
  }
  if (size > kMaxFileBytes) {
    out.problems.push_back({"", "the file is " + std::to_string(size >> 20) + " MiB; a scenario is a few KiB of JSON"});
    return out;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    out.problems.push_back({"", "cannot read the file"});
    return out;
  }
  return parse_scenario(text.str());
}

Scenario load_scenario_file(const std::filesystem::path& file) {
  auto parsed = parse_scenario_file(file);
  if (!parsed.ok()) throw ScenarioError(std::move(parsed.problems), file);
  return std::move(parsed.scenario);
}

void save_scenario_file(const std::filesystem::path& file, const Scenario& scenario) {
  write_file_atomically(file, to_text(scenario));
}

std::string name_from_file(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  if (name.ends_with(kFileExtension)) return name.substr(0, name.size() - kFileExtension.size());
  return file.stem().string();
}

}  // namespace lh::scenario
