#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lh::scenario {

// Splits one command line into words as a POSIX shell would, without
// running or expanding anything, into scenario strings:
// - blanks separate words; '…' is literal; in "…" a backslash escapes only
//   $ ` " \ and a newline; outside quotes it escapes any character, and a
//   backslash-newline joins lines;
// - $NAME and ${NAME} (outside single quotes) become ${ENV:NAME}, and a
//   word's leading ~ becomes ${ENV:HOME}: a secret the command names stays
//   a reference in the scenario instead of being written into it;
// - a literal "${" becomes "$${" (see references.h); glob characters stay
//   literal (what a shell does when nothing matches); # starts a comment.
// Why not wordexp(3): it would write the variables' values (the secrets)
// into the scenario, and expand globs against the current folder.
// Throws InputError, naming what a shell would do more with: an unclosed
// quote, $(…) or `…`, a pipe, list or redirection (| & ; < > ( )), a
// second line, other $ forms ($1, ${NAME:-x}, $'…').
std::vector<std::string> split_shell_words(std::string_view line);

}  // namespace lh::scenario
