#pragma once

#include <string>
#include <string_view>

namespace lh {

// A value someone typed, in double quotes for a one-line message: control
// characters (CR, LF, tab, NUL, …) and invalid bytes shown as escapes (\r,
// \n, \t, \x00), quotes and backslashes escaped, and a long value cut after
// `max_bytes` with "…" so a pasted file cannot flood the terminal:
//   quote_value("X-A: 1\r\nX-B: 2") → "\"X-A: 1\\r\\nX-B: 2\""
// Valid UTF-8 passes through as it is.
std::string quote_value(std::string_view text, std::size_t max_bytes = 200);

}  // namespace lh
