#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "probe/source_spec.h"

namespace lh::probe {

// What a source may carry beside its text. Which kind of source takes which
// option is one rule, read by a scenario's reader (at the option's own path,
// while a file is edited) and by check() (monitor's flags, a resolved plan).
enum class SourceOption { headers, basic_auth, bearer_token, ca_file, query, restart_query };

// The option's name in a scenario file and in check()'s paths ("basic_auth").
std::string_view option_name(SourceOption option);

// The rule `option` breaks on a source of `kind` ("headers only go with a URL
// source, not with a local process"), or nothing when the kind takes it.
std::optional<std::string> option_rule(SourceKind kind, SourceOption option);

// What a prom: source without its query is told.
std::string missing_query_rule();

// Every problem the options a source carries make with its kind, in the
// order given: each option its kind does not take, with the rule it breaks,
// and a prom: source's missing query. The caller names each at its own path.
struct OptionProblem {
  SourceOption option;
  std::string rule;
};
std::vector<OptionProblem> option_problems(SourceKind kind, std::span<const SourceOption> given);

}  // namespace lh::probe
