#pragma once

#include <string>
#include <string_view>

namespace lh {

// A name read from outside input (a CSV column, a metric, a label) as a
// one-line message shows it: as written when it is plain printable text of
// at most 200 bytes, otherwise quote_value()'s quoted and escaped form, so
// a line break in it cannot break the message.
std::string shown_name(std::string_view name);

}  // namespace lh
