#pragma once

#include <optional>
#include <span>

namespace lh::analysis {

// The step of readings a service rounds so coarsely that they mostly sit
// still ({"memory_usage_gb": 0.1} again and again): read off their
// decimals (0.1 for one decimal, 1 for whole numbers), returned only when
// at least half of the readings repeat the one before. Growth smaller than
// one step cannot show in such readings. nullopt for readings with more
// than six decimals (a size in KiB / 1024, a float as measured) or whose
// noise moves them across steps (it dithers: a trend below one step still
// shows in how often each level comes).
std::optional<double> coarse_step(std::span<const double> readings);

}  // namespace lh::analysis
