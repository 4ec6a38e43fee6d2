#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "load/load_plan.h"
#include "load/load_stats.h"

namespace lh::load {

// The machine-readable summary of a run: `bench --json` writes it, the
// session journal's "load" records hold it and a session's summary.json
// has it as its "load" object; the PDF report and `report` read it back
// through the same mapping (to_json/from_json below), so a field renamed
// here is renamed everywhere, or does not compile.
struct LoadSummary {
  std::string state;  // to_string(RunState): "finished", "stopped", …
  double duration_s = 0;  // running time, pauses excluded
  int concurrency = 0;
  std::optional<double> rate;  // requests/s; nullopt (null) in the closed model
  std::uint64_t started = 0, completed = 0, failed = 0, aborted = 0, non_2xx = 0;
  double requests_per_second = 0;
  // "latency_ms": {p50 p75 p90 p95 p99 p99_9 min max mean}; NaN (null)
  // where nothing answered. `count` is not in the JSON.
  LatencySummary latency;
  std::map<int, std::uint64_t> status_codes;        // {"200": n, …}
  std::map<std::string, std::uint64_t> failures;    // by cause: connect timeout reset read length
  std::uint64_t connections_opened = 0, bytes_received = 0, body_bytes_received = 0, bytes_sent = 0;
  std::optional<std::string> first_error;  // null when nothing failed
};

LoadSummary summarize(const LoadPlan& plan, const LoadSnapshot& snapshot);

// Keys as the field names above, except "latency_ms" for `latency`.
void to_json(nlohmann::json& j, const LoadSummary& summary);
// A key that is missing keeps its default; a value of the wrong type
// throws nlohmann::json::type_error.
void from_json(const nlohmann::json& j, LoadSummary& summary);

// The summary in ab's layout, from "Server Hostname" to the percentage table.
std::string ab_report(const LoadPlan& plan, const LoadSnapshot& snapshot);

// One line for a terminal while the run goes on:
// "  12.3s  45,678 requests  3,712 req/s  p50 1.20 ms  p99 4.10 ms  0 errors".
std::string progress_line(const LoadSnapshot& snapshot);

}  // namespace lh::load
