#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lh {

// A name read from outside input (a CSV column, a metric, a label) as a
// one-line message shows it: as written when it is plain printable text of
// at most 200 bytes, otherwise quote_value()'s quoted and escaped form, so
// a line break in it cannot break the message.
std::string shown_name(std::string_view name);

// The first 20 names, each shown_name()'d, comma-separated, and how many
// more ("a, b, … and 80 more"): the columns a message lists.
std::string shown_names(const std::vector<std::string>& names);

}  // namespace lh
