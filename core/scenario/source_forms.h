#pragma once

#include <optional>
#include <string>
#include <string_view>

// Probe sources in a scenario: `monitor`'s forms (URL, pid:N, port:N,
// PRESET=URL) and two relative forms that follow the target: "/memory-stats"
// and "segmentation=/memory-stats".
namespace lh::scenario {

bool is_relative_source(std::string_view text);

// What is wrong with a source as written; nullopt when it is fine (or holds
// ${ENV:…} references, which are checked once resolved).
std::optional<std::string> source_problem(std::string_view text);

// The source in `monitor`'s syntax: a relative one joined to `target`,
// any other returned as it is.
std::string absolute_source(std::string_view text, std::string_view target);

// parse_source_spec's message without its "source \"…\": " prefix: the
// scenario path already says which source.
std::string without_source_prefix(std::string_view message, std::string_view text);

}  // namespace lh::scenario
