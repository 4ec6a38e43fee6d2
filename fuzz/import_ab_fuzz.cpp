// `import-ab`: an ab command line split as a shell would, read with the ab
// option table, turned into a scenario. Bad input is an
// InputError of one line; a scenario made is valid JSON when written.
#include <cstdint>
#include <string_view>

#include "common/input_error.h"
#include "scenario/ab_command_line.h"
#include "scenario/import_ab.h"
#include "scenario/json_document.h"
#include "scenario/serialize.h"
#include "scenario/shell_words.h"

using namespace lh;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  try {
    const auto options = scenario::read_ab_command_line(scenario::split_shell_words(line));
    const auto env = [](const std::string& name) -> std::optional<std::string> {
      if (name == "HOME") return "/home/fuzz";
      return std::nullopt;
    };
    const auto imported = scenario::scenario_from_ab(options, {"segmentation=/memory-stats"},
                                                     "/nonexistent-leakhound-fuzz", env);
    if (!scenario::read_json_document(scenario::to_text(imported.scenario)).complete) __builtin_trap();
  } catch (const InputError& e) {
    if (std::string_view(e.what()).find('\n') != std::string_view::npos) __builtin_trap();
  }
  return 0;
}
