#pragma once

#include <cstdint>
#include <string>

#include "analysis/parameters.h"

namespace lh::bench {

// Each prints one part of the "Leak analysis" figures as Markdown.
void accuracy_on_generated(std::uint64_t seed, int per_shape, bool list_misses);
void accuracy_on_recordings(const std::string& dir, const std::string& split, bool list_misses);
void minutes_to_flag(std::uint64_t seed);
void speed();
void time_to_verdict(std::uint64_t seed);
void live_false_alarms(std::uint64_t seed, int per_shape, bool list_alarms);
// The live verdict along labelled series: false alarms per no-leak shape, and
// how soon it calls the leaks.
// `params`: a scenario's leak settings (the defaults unless --min-window-fast).
void live_on_recordings(const std::string& dir, const std::string& split, bool list_alarms,
                        const analysis::AnalysisParameters& params);

}  // namespace lh::bench
