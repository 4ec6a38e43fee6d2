#pragma once

#include <string>

#include "analysis/verdict.h"

namespace lh::analysis {

// The verdict for a terminal or a report: a headline, then the reasons.
//   leak (confidence 0.99): grows 52.3 MiB/h (95 % CI 48.0 to 56.1 MiB/h)
//     - warm-up until 00:04:10 excluded …
std::string format_verdict(const Verdict& verdict);

}  // namespace lh::analysis
