#pragma once

#include <span>
#include <vector>

namespace lh::analysis {

// Restarts read off the series a sampler records beside memory, for CSVs
// without an events file. NaN entries (gaps) are skipped.

// Each restart is reported at the first sample of the new process.

// An identity that changes (a pid, a start time): a restart at each change.
std::vector<double> restarts_from_identity(std::span<const double> t_s, std::span<const double> identity);

// An uptime that goes backwards: a restart at each drop. A drop smaller
// than `tolerance_s` is clock jitter between two probes, not a restart.
std::vector<double> restarts_from_uptime(std::span<const double> t_s, std::span<const double> uptime_s,
                                         double tolerance_s = 1.0);

}  // namespace lh::analysis
