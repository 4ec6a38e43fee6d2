// Scenario files: reading and checking every field (parse_scenario), and
// for what reads without a problem, writing it back (to_text), reading that
// again (it must read the same) and resolving it as validate does, with no
// environment and a folder that does not exist.
#include <cstdint>
#include <string_view>

#include "common/input_error.h"
#include "scenario/parse.h"
#include "scenario/resolve.h"
#include "scenario/serialize.h"

using namespace lh::scenario;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ParsedScenario parsed = parse_scenario(text);
  for (const auto& p : parsed.problems) {
    if (p.text().find('\n') != std::string::npos) __builtin_trap();
  }
  if (!parsed.ok()) return 0;
  const std::string written = to_text(parsed.scenario);
  const ParsedScenario again = parse_scenario(written);
  if (!again.ok() || to_text(again.scenario) != written) __builtin_trap();
  ResolveOptions options;
  options.env = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  options.require_env = false;
  options.default_name = "fuzz";
  const Resolution resolved = resolve_collecting(parsed.scenario, "/nonexistent-leakhound-fuzz", options);
  for (const auto& p : resolved.problems) {
    if (p.text().find('\n') != std::string::npos) __builtin_trap();
  }
  return 0;
}
