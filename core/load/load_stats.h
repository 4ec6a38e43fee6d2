#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/event.h"

namespace lh::load {

// Why a request failed. connect: no connection (refused, unreachable, TLS
// handshake or certificate); timeout: no full answer within the timeout;
// reset: the server closed or reset the connection mid-request or sent
// nothing; read: any other broken answer; length: the body was shorter than
// announced, or (with the length check) differed from the first answer's.
enum class FailureCause : std::uint8_t { connect, timeout, reset, read, length };
inline constexpr std::size_t kFailureCauseCount = 5;
std::string_view to_string(FailureCause cause);

// Counters a worker keeps for itself and the engine adds up.
struct Totals {
  static constexpr int kMaxStatus = 599;  // status codes beyond are counted as 599

  std::uint64_t started = 0;
  std::uint64_t completed = 0;  // finished, whatever the outcome (ab's "Complete requests")
  std::uint64_t aborted = 0;    // in flight when the run was stopped or its time ran out
  std::array<std::uint64_t, kFailureCauseCount> failures{};
  std::array<std::uint64_t, kMaxStatus + 1> status{};  // answers by status code
  std::uint64_t non_2xx = 0;             // answers outside 200-299 (failed ones not included)
  std::uint64_t connections_opened = 0;  // the rest of the answers came over reused connections
  std::uint64_t bytes_received = 0;      // headers and bodies
  std::uint64_t body_bytes_received = 0;
  std::uint64_t bytes_sent = 0;  // headers and bodies

  std::uint64_t failed() const;
  void add(const Totals& other);
};

// One second of a run on the session clock: what the desktop app charts
// while the run goes on and the session records. Latencies are of the
// requests that completed within this second; NaN when none did.
struct SecondRow {
  double t_s = 0;         // session time at which this second began
  double interval_s = 1;  // 1, except for the run's last, partial second
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;  // failed, plus answers outside 200-299
  std::uint64_t bytes = 0;   // received
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, max_ms = 0, mean_ms = 0;
  double target = 0;  // the concurrency or rate aimed at as the second ended
  int in_flight = 0;  // requests in flight as the second ended
};

struct LatencySummary {
  std::uint64_t count = 0;  // answers with a latency (failed transfers have none)
  double p50_ms = 0, p75_ms = 0, p90_ms = 0, p95_ms = 0, p99_ms = 0, p99_9_ms = 0;
  double min_ms = 0, max_ms = 0, mean_ms = 0;
};

enum class RunState : std::uint8_t {
  ready,        // constructed, not started
  running,
  paused,       // no worker sends anything new until resumed
  finished,     // reached its count, duration or the end of its stages
  stopped,      // stopped by stop()
  unreachable,  // stopped because the target refused the first connections
};
std::string_view to_string(RunState state);

// Where a reader left off: pass the cursor of the previous snapshot to get
// only the rows and events that came since.
struct SnapshotCursor {
  std::uint64_t next_row = 0;
  std::size_t next_event = 0;
};

struct LoadSnapshot {
  RunState state = RunState::ready;
  double started_at_s = 0;  // session time the load began
  double elapsed_s = 0;     // time spent running, pauses excluded
  Totals totals;
  LatencySummary latency;
  double requests_per_second = 0;          // completed / elapsed
  double current_requests_per_second = 0;  // in the last whole second
  std::size_t stage = 0;                   // 0-based; == stage_count once the stages are over
  std::size_t stage_count = 0;
  double target = 0;  // the concurrency or rate aimed at now
  int in_flight = 0;
  std::string first_error;  // the first failure, as libcurl worded it

  std::vector<SecondRow> rows;      // since the cursor, oldest first
  std::vector<Event> events;        // since the cursor (kind stage, source "load")
  std::uint64_t rows_dropped = 0;   // rows the reader missed by polling too rarely
  SnapshotCursor cursor;            // pass it to the next snapshot()

  bool done() const { return state == RunState::finished || state == RunState::stopped || state == RunState::unreachable; }
};

}  // namespace lh::load
