#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/verdict.h"

namespace lh::analysis {

// The one place a verdict is put into words, for the CLI, the session files,
// the PDF report and the desktop app. Amounts are in the verdict's unit
// (format_amount), times on the run's timeline as "00:04:10".

// One reason as a line: "warm-up until 00:04:10 excluded (growth slowed
// from 52 MiB/h to 3 MiB/h)".
std::string describe(const Reason& reason, std::string_view unit);
// Every reason of a verdict, in order.
std::vector<std::string> reason_lines(const Verdict& verdict);
// The reason that settled the verdict or held it back, in words ("too
// little data after warm-up: …"); empty when there is none.
std::string deciding_reason(const Verdict& verdict);

// The verdict and its reasons, as `analyze` prints them:
//   leak (confidence 1.00): 412 MiB/h (95 % CI 380 MiB/h to 450 MiB/h)
//     - warm-up until 00:00:40 excluded …
std::string format_verdict(const Verdict& verdict);

// A verdict in one sentence, for the report's first page, the CLI's last
// line and summary.json:
//   "Leak: memory.rss_mb grows 412 MiB/h (95 % CI 380 MiB/h to 450 MiB/h)
//    from 00:00:40 to 00:02:00, about 6.30 MiB per 1,000 requests, and
//    reaches the limit of 8.00 GiB in about 14 h."
//   "No leak: memory.rss_mb grows at most 0.80 MiB/h from … to …, below
//    the 1.00 MiB/h that counts as a leak."
//   "Inconclusive for memory.rss_mb: too little data after warm-up: …"
std::string verdict_sentence(std::string_view series_name, const Verdict& verdict);

// The time to the memory limit as the desktop's verdict panel and the
// report's table give it, in the words of the Limit reason: "about 14 h
// (9.5 h to 31 h)", "about 3.2 h (2.1 h to never)", "about 52s" when the
// interval reads the same, "already past it", and "…, without restarts"
// for a process the restarts keep below it. Empty without a time to it.
std::string time_to_limit_text(const Verdict& verdict);

// When there is no watched memory at all.
inline constexpr const char* kNoWatchedMemory =
    "No verdict: no memory series was found among the probes' series (name one with the probes' watch setting).";

}  // namespace lh::analysis
