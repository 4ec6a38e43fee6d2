#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/verdict.h"

namespace lh::session {

enum class SessionState : std::uint8_t {
  ready,        // constructed, not started
  running,
  paused,       // the load sends nothing new; the probes go on sampling
  finished,     // the load reached its duration, count or the end of its stages
  stopped,      // stop() ended it early
  unreachable,  // the load's target refused its first connections: nothing was tested
  failed,       // the journal could no longer be written (disk full, folder removed)
};
std::string_view to_string(SessionState state);
// True once the session has ended, whichever way.
bool is_over(SessionState state);

// What a session is doing, for a terminal's progress line and the desktop
// app's status bar, read at ~4 Hz. A copy: reading it never waits for the
// session's threads beyond a short lock.
struct SessionProgress {
  SessionState state = SessionState::ready;
  // false: a session without load; the load's figures below stay 0.
  bool with_load = true;
  double elapsed_s = 0;               // on the session clock
  double load_elapsed_s = 0;          // running time of the load, pauses excluded
  std::optional<double> remaining_s;  // of the load, when its end is a time (duration or stages); of the watch
  double requests_per_second = 0;     // in the last whole second
  std::uint64_t requests = 0;         // completed so far
  std::uint64_t errors = 0;           // failed, plus answers outside 200-299
  double p50_ms = 0;                  // over the run so far
  double p99_ms = 0;
  std::size_t stage = 0;  // 0-based; == stage_count once the stages are over
  std::size_t stage_count = 0;
  std::uint64_t samples = 0;  // probe rows so far
  int restarts = 0;           // of any probed source
  std::uint64_t events = 0;   // restarts, faults, recoveries, stages

  std::string watched_series;  // empty until a memory series is known
  std::string watched_unit;    // "MiB"
  double watched_value = 0;    // the last sample; NaN when the source did not answer
  std::optional<analysis::Verdict> watched_verdict;  // live, on everything so far

  std::string error;  // failed: why; unreachable: the load's first error
};

// One line for a terminal:
// "00:01:12  3,712 req/s  memory.rss_mb 812.3 MiB  live: leak +412 MiB/h  0 errors"
std::string progress_line(const SessionProgress& progress);

}  // namespace lh::session
