#pragma once

#include <string>

#include "session/analysed_series.h"

namespace lh::session {

// A verdict in one sentence, for the report's first page, the CLI's last
// line and summary.json:
//   "Leak: memory.rss_mb grows 412 MiB/h (95 % CI 380 MiB/h to 450 MiB/h)
//    from 00:00:40 to 00:02:00, about 6.30 MiB per 1,000 requests, and
//    reaches the limit of 8.00 GiB in about 14 h."
//   "No leak: memory.rss_mb grows at most 0.80 MiB/h from … to …, below
//    the 1.00 MiB/h that counts as a leak."
//   "Inconclusive for memory.rss_mb: too little data after warm-up: …"
std::string verdict_sentence(const SeriesVerdict& verdict);

// When there is no watched memory at all.
inline constexpr const char* kNoWatchedMemory =
    "No verdict: no memory series was found among the probes' series (name one with the probes' watch setting).";

}  // namespace lh::session
