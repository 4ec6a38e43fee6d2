#pragma once

#include <cstdint>
#include <string>

namespace lh {

// "178,025": a count with its thousands apart, as the progress line, the
// report's tables and the before/after sentence print counts.
std::string grouped_count(std::uint64_t n);

}  // namespace lh
