#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"

namespace lh {

// "2026-11-21T20:03:04.123Z": UTC with milliseconds, the form every file
// LeakHound writes uses.
std::string format_iso8601(WallClock::time_point t);

// Reads "YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]" (a space may stand
// for the T). A time without a zone is taken as UTC. Throws InputError.
WallClock::time_point parse_iso8601(std::string_view text);

}  // namespace lh
