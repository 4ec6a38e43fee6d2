#include "load/load_summary.h"

namespace lh::load {

nlohmann::json summary_json(const LoadPlan& plan, const LoadSnapshot& s) {
  using nlohmann::json;
  const auto& t = s.totals;
  const auto& l = s.latency;
  json status = json::object();
  for (std::size_t code = 0; code < t.status.size(); ++code) {
    if (t.status[code] > 0) status[std::to_string(code)] = t.status[code];
  }
  json failures = json::object();
  for (std::size_t i = 0; i < kFailureCauseCount; ++i) {
    failures[std::string(to_string(static_cast<FailureCause>(i)))] = t.failures[i];
  }
  return {
      {"state", to_string(s.state)},
      {"duration_s", s.elapsed_s},
      {"concurrency", plan.concurrency},
      {"rate", plan.rate ? json(*plan.rate) : json(nullptr)},
      {"started", t.started},
      {"completed", t.completed},
      {"failed", t.failed()},
      {"aborted", t.aborted},
      {"non_2xx", t.non_2xx},
      {"requests_per_second", s.requests_per_second},
      {"latency_ms",
       {{"p50", l.p50_ms},
        {"p75", l.p75_ms},
        {"p90", l.p90_ms},
        {"p95", l.p95_ms},
        {"p99", l.p99_ms},
        {"p99_9", l.p99_9_ms},
        {"min", l.min_ms},
        {"max", l.max_ms},
        {"mean", l.mean_ms}}},
      {"status_codes", status},
      {"failures", failures},
      {"connections_opened", t.connections_opened},
      {"bytes_received", t.bytes_received},
      {"body_bytes_received", t.body_bytes_received},
      {"bytes_sent", t.bytes_sent},
      {"first_error", s.first_error.empty() ? json(nullptr) : json(s.first_error)},
  };
}

}  // namespace lh::load
