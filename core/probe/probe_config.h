#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/duration.h"
#include "common/problem.h"
#include "probe/source_limits.h"
#include "probe/source_spec.h"

namespace lh::probe {

// What to sample and how: the `monitor` command's flags, and the probe
// section of a scenario file.
struct ProbeConfig {
  std::vector<SourceSpec> sources;
  Seconds interval{1.0};          // 100 ms at the least
  std::optional<Seconds> timeout;  // per request; default effective_timeout()
  // The watched memory, by series name or by metric ("memory.rss_mb");
  // empty: picked from the names (lh::pick_watched_memory).
  std::string watch;
  // The service's memory limit (a container's, or the one a supervisor
  // restarts it at), for the analysis and reports to measure against.
  std::optional<double> memory_limit_mib;
  std::size_t max_body_bytes = 8u << 20;  // a longer answer is a bad response
  SourceLimits source_limits;             // what one answer may cost past that

  // 90 % of the interval unless set: a request still unanswered then would
  // delay the next tick.
  Seconds effective_timeout() const { return timeout.value_or(interval * 0.9); }
};

inline constexpr Seconds kMinInterval{0.1};

// Every problem of a configuration, each with the path of its field
// ("interval": "expected at least 100ms, got 50ms"; "sources[2].headers"):
// no sources, an interval under 100 ms, a timeout that is not positive,
// headers on a local process, a memory limit that is not positive.
Problems check(const ProbeConfig& config);
// Throws InputError with the first problem ("interval: expected at least
// 100ms, got 50ms"): for code handed a configuration that was checked.
void validate(const ProbeConfig& config);

}  // namespace lh::probe
