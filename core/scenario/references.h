#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Secrets by reference: any string of a scenario may hold ${ENV:NAME},
// replaced by the environment variable NAME when the scenario is resolved,
// so a file can be committed without the secret. "$${" writes a literal
// "${". Anything else after "${" is a problem, not silently sent as text.
namespace lh::scenario {

// Looks a variable up; nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// The process's environment (getenv).
EnvLookup process_environment();

// What is wrong with the references in `text`, such as
// "expected ${ENV:NAME}, got \"${TOKEN}\" (write $${ for a literal ${)";
// nullopt when they are well formed.
std::optional<std::string> reference_problem(std::string_view text);

bool has_references(std::string_view text);

// The names referenced, in order, each once.
std::vector<std::string> referenced_names(std::string_view text);

struct Expanded {
  std::string text;
  std::vector<std::string> missing;  // referenced but not set (expanded as "")
};

// Replaces each reference by its variable's value and "$${" by "${".
// `text` must be well formed (reference_problem() says nothing).
Expanded expand_references(std::string_view text, const EnvLookup& env);

// A scenario string in pieces, in order: literal text, and references by
// name ("Bearer ${ENV:TOKEN}" → {"Bearer ", ""}, {"", "TOKEN"}); "$${" is
// already a literal "${". What the exports write as their language's
// concatenation. `text` must be well formed (reference_problem() says nothing).
struct TextPiece {
  std::string literal;
  std::string name;  // set for a reference
};
std::vector<TextPiece> split_references(std::string_view text);

// `text` with every literal run that is not blank replaced by `mask`, and
// its references kept as written: "${ENV:USER}:hunter2" → "${ENV:USER}•••"
// for mask "•••" (a malformed text is masked whole).
std::string mask_literals(std::string_view text, std::string_view mask);

// `text` as a scenario string that means exactly `text`: "${" becomes "$${".
std::string escape_literal(std::string_view text);

}  // namespace lh::scenario
