#include "scenario/source_forms.h"

#include "common/input_error.h"
#include "common/quote_value.h"
#include "probe/source_spec.h"
#include "scenario/references.h"
#include "scenario/target_url.h"

namespace lh::scenario {
namespace {

// "segmentation=/memory-stats" → {"segmentation", "/memory-stats"}; a URL
// form (with "://" before any '=') has no preset part.
std::pair<std::string_view, std::string_view> preset_and_rest(std::string_view text) {
  const auto equals = text.find('=');
  const auto scheme = text.find("://");
  if (equals == std::string_view::npos || (scheme != std::string_view::npos && scheme < equals)) return {{}, text};
  return {text.substr(0, equals), text.substr(equals + 1)};
}

}  // namespace

bool is_relative_source(std::string_view text) { return preset_and_rest(text).second.starts_with('/'); }

std::optional<std::string> source_problem(std::string_view text) {
  if (auto bad = reference_problem(text)) return bad;
  if (has_references(text)) return std::nullopt;
  if (is_relative_source(text)) {
    const auto [preset, path] = preset_and_rest(text);
    if (!preset.empty() && !probe::parse_preset(preset)) {
      return "unknown preset " + quote_value(preset) + "; expected segmentation, conversion or aspnet-health before the '='";
    }
    if (path.find_first_of(" \t\r\n") != std::string_view::npos) {
      return "expected a path such as /memory-stats, got " + quote_value(path);
    }
    return std::nullopt;
  }
  try {
    probe::parse_source_spec(text);
  } catch (const InputError& e) {
    return without_source_prefix(e.what(), text) +
           " (or, relative to the target, a path such as /memory-stats or segmentation=/memory-stats)";
  }
  return std::nullopt;
}

std::string absolute_source(std::string_view text, std::string_view target) {
  if (!is_relative_source(text)) return std::string(text);
  const auto [preset, path] = preset_and_rest(text);
  return (preset.empty() ? std::string() : std::string(preset) + "=") + join_target(target, path);
}

std::string without_source_prefix(std::string_view message, std::string_view text) {
  const std::string prefix = "source " + quote_value(text) + ": ";  // as parse_source_spec writes it
  if (message.starts_with(prefix)) message.remove_prefix(prefix.size());
  return std::string(message);
}

}  // namespace lh::scenario
