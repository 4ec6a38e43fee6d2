#include "scenario/problems.h"

namespace lh::scenario {
namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

}  // namespace

std::vector<std::string> problem_lines(const Problems& problems, const std::filesystem::path& file) {
  std::vector<std::string> lines;
  const std::string prefix = file.empty() ? std::string() : file.string() + ": ";
  for (const auto& p : problems) lines.push_back(prefix + p.text());
  return lines;
}

ScenarioError::ScenarioError(Problems problems, const std::filesystem::path& file)
    : InputError(joined(problem_lines(problems, file))), problems_(std::move(problems)) {}

}  // namespace lh::scenario
