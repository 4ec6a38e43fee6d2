#pragma once

#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace lh {

// What every JSON reader of LeakHound checks before nlohmann's parser sees
// a text, and how it words nlohmann's errors.

// nlohmann's parser takes a NUL byte for the end of the text, so
// "123\0garbage" would read as 123. JSON holds no raw NUL anywhere (inside a
// string it is written \u0000): one is an error, "a NUL byte at offset 3".
std::optional<std::string> nul_byte_problem(std::string_view text);

// "[json.exception.parse_error.101] parse error at line 1, column 2: …" ->
// "parse error at line 1, column 2: …": what a person reads, on one line of
// at most 300 bytes (nlohmann quotes the last token, whatever its length).
std::string json_error_text(const std::exception& e);

}  // namespace lh
