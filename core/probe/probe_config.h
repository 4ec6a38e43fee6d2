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

// Below 100 ms a probe measures its own requests more than the service;
// past a day no session clock or timer needs it (and 1e300 s would not fit
// the steady clock's ticks).
inline constexpr Seconds kMinInterval{0.1};
inline constexpr Seconds kMaxInterval{86400.0};

// The rules of the interval and the timeout a person types, one each, so
// a scenario's reader, monitor's flags and check() judge them by the same
// code: the rule a bad value breaks ("expected at least 100ms"), to which
// the caller adds what was given as it was written (", got \"50ms\"").
std::optional<std::string> interval_rule(Seconds interval);
std::optional<std::string> timeout_rule(Seconds timeout);

// Every problem of a configuration, each with the path of its field
// ("interval": "expected at least 100ms, got 50ms"; "sources[2].headers"):
// no sources, an interval or timeout outside 100 ms – 1 day (a timeout:
// positive – 1 day), an option its kind of source does not take
// (source_options.h), a prom: source without a query, a memory limit that
// is not positive.
Problems check(const ProbeConfig& config);
// Throws InputError with the first problem ("interval: expected at least
// 100ms, got 50ms"): for code handed a configuration that was checked.
void validate(const ProbeConfig& config);

}  // namespace lh::probe
