#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace lh::locust {

// One look at a Locust master's statistics: its web UI's /stats/requests
// (Locust 2.12) while it runs, or the Aggregated row of its --csv
// PREFIX_stats.csv once it has ended. Times in milliseconds; NaN where
// Locust has no figure (nothing answered yet, or the CSV lacks it).
struct LocustStats {
  std::string state;  // "ready", "spawning", "running", "stopping", "stopped", "missing"
  int user_count = 0;
  int workers = 0;  // connected to the master
  std::uint64_t requests = 0;  // all requests, failed ones included
  std::uint64_t failures = 0;
  // The failures by what Locust says of them (its "errors" list):
  // an HTTP status outside 2xx/3xx, no connection, a timeout; the rest "other".
  std::uint64_t http_failures = 0, connect_failures = 0, timeout_failures = 0;
  double current_rps = 0;
  double current_p50_ms, current_p95_ms;  // over Locust's last 10 s
  double p50_ms, p90_ms, p99_ms, mean_ms, min_ms, max_ms;  // the run so far
  std::string first_error;  // one line

  LocustStats();
};

// Limits on what a master's answer may hold.
inline constexpr std::size_t kMaxStatsBytes = 4u << 20;
inline constexpr int kMaxStatsDepth = 8;

// Reads /stats/requests. Throws InputError, one line naming what is wrong
// ("not JSON", "no \"stats\" list", a count that is no count): a master
// under load, a proxy's error page or a hostile server never crash the
// session nor make it balloon (the body is capped at kMaxStatsBytes by
// the fetch, and nesting at kMaxStatsDepth here).
LocustStats read_stats_json(std::string_view body);

// The Aggregated row of PREFIX_stats.csv (Locust 2.12's columns: "Request
// Count", "Failure Count", "Median Response Time", …); nullopt when the
// file has none. Throws InputError for a file that is not such a CSV.
std::optional<LocustStats> read_stats_csv(std::istream& in);

}  // namespace lh::locust
