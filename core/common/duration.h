#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace lh {

using Seconds = std::chrono::duration<double>;

// Parses durations as LeakHound accepts them everywhere: "500ms", "0.5s",
// "30s", "10m", "2h", "1d", compounds such as "1h30m", and a bare number as
// seconds (ab's -t and -s take plain seconds). Units: us, ms, s, m, h, d.
// Throws InputError("expected a duration such as \"30s\" or \"10m\", got …").
Seconds parse_duration(std::string_view text);

// "1h 02m", "4m 10s", "850ms": short and exact enough for a status line.
std::string format_duration(Seconds d);

// "00:04:10" (hours grow past 99 if they must): times on a run's timeline.
std::string format_clock(Seconds since_start);

}  // namespace lh
