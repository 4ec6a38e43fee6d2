#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "load/load_plan.h"
#include "load/load_stats.h"

namespace lh::load {

// The machine-readable summary of a run: `bench --json` writes it, and a
// session's summary.json holds it as its "load" object. Fields:
//   state, duration_s, concurrency, rate (null in the closed model),
//   started, completed, failed, aborted, non_2xx, requests_per_second,
//   latency_ms {p50 p75 p90 p95 p99 p99_9 min max mean},
//   status_codes {"200": n, …}, failures {connect timeout reset read length},
//   connections_opened, bytes_received, body_bytes_received, bytes_sent,
//   first_error (null when nothing failed).
nlohmann::json summary_json(const LoadPlan& plan, const LoadSnapshot& snapshot);

// The summary in ab's layout, from "Server Hostname" to the percentage table.
std::string ab_report(const LoadPlan& plan, const LoadSnapshot& snapshot);

// One line for a terminal while the run goes on:
// "  12.3s  45,678 requests  3,712 req/s  p50 1.20 ms  p99 4.10 ms  0 errors".
std::string progress_line(const LoadSnapshot& snapshot);

}  // namespace lh::load
