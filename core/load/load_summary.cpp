#include "load/load_summary.h"

#include <charconv>
#include <tuple>

#include "common/input_error.h"
#include "common/json_fields.h"
#include "common/quote_value.h"

namespace lh::load {
namespace {

using nlohmann::json;

// The fields of the summary, in its JSON's words; "latency_ms",
// "status_codes" and "failures" are written by hand below.
constexpr auto kFields = std::make_tuple(
    json_fields::field("state", &LoadSummary::state), json_fields::field("duration_s", &LoadSummary::duration_s),
    json_fields::field("concurrency", &LoadSummary::concurrency), json_fields::field("rate", &LoadSummary::rate),
    json_fields::field("started", &LoadSummary::started), json_fields::field("completed", &LoadSummary::completed),
    json_fields::field("failed", &LoadSummary::failed), json_fields::field("aborted", &LoadSummary::aborted),
    json_fields::field("non_2xx", &LoadSummary::non_2xx),
    json_fields::field("requests_per_second", &LoadSummary::requests_per_second),
    json_fields::field("connections_opened", &LoadSummary::connections_opened),
    json_fields::field("bytes_received", &LoadSummary::bytes_received),
    json_fields::field("body_bytes_received", &LoadSummary::body_bytes_received),
    json_fields::field("bytes_sent", &LoadSummary::bytes_sent), json_fields::field("first_error", &LoadSummary::first_error));

constexpr auto kLatencyFields = std::make_tuple(
    json_fields::field("p50", &LatencySummary::p50_ms), json_fields::field("p75", &LatencySummary::p75_ms),
    json_fields::field("p90", &LatencySummary::p90_ms), json_fields::field("p95", &LatencySummary::p95_ms),
    json_fields::field("p99", &LatencySummary::p99_ms), json_fields::field("p99_9", &LatencySummary::p99_9_ms),
    json_fields::field("min", &LatencySummary::min_ms), json_fields::field("max", &LatencySummary::max_ms),
    json_fields::field("mean", &LatencySummary::mean_ms));

int status_code(const std::string& key) {
  int code = 0;
  const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), code);
  if (ec != std::errc{} || end != key.data() + key.size()) {
    throw InputError("status_codes: expected a status code, got " + quote_value(key));
  }
  return code;
}

}  // namespace

LoadSummary summarize(const LoadPlan& plan, const LoadSnapshot& s) {
  const auto& t = s.totals;
  LoadSummary out;
  out.state = std::string(to_string(s.state));
  out.duration_s = s.elapsed_s;
  out.concurrency = plan.concurrency;
  out.rate = plan.rate;
  out.started = t.started;
  out.completed = t.completed;
  out.failed = t.failed();
  out.aborted = t.aborted;
  out.non_2xx = t.non_2xx;
  out.requests_per_second = s.requests_per_second;
  out.latency = s.latency;
  for (std::size_t code = 0; code < t.status.size(); ++code) {
    if (t.status[code] > 0) out.status_codes[static_cast<int>(code)] = t.status[code];
  }
  for (std::size_t i = 0; i < kFailureCauseCount; ++i) {
    out.failures[std::string(to_string(static_cast<FailureCause>(i)))] = t.failures[i];
  }
  out.connections_opened = t.connections_opened;
  out.bytes_received = t.bytes_received;
  out.body_bytes_received = t.body_bytes_received;
  out.bytes_sent = t.bytes_sent;
  if (!s.first_error.empty()) out.first_error = s.first_error;
  return out;
}

void to_json(json& j, const LoadSummary& s) {
  j = json::object();
  json_fields::write(j, s, kFields);
  json latency = json::object();
  json_fields::write(latency, s.latency, kLatencyFields);
  j["latency_ms"] = std::move(latency);
  json status = json::object();
  for (const auto& [code, n] : s.status_codes) status[std::to_string(code)] = n;
  j["status_codes"] = std::move(status);
  j["failures"] = s.failures;
}

void from_json(const json& j, LoadSummary& s) {
  json_fields::read(j, s, kFields);
  if (const auto latency = j.find("latency_ms"); latency != j.end()) json_fields::read(*latency, s.latency, kLatencyFields);
  if (const auto status = j.find("status_codes"); status != j.end()) {
    for (const auto& [code, n] : status->items()) {
      s.status_codes[status_code(code)] = json_fields::whole<std::uint64_t>(n, "status_codes");
    }
  }
  if (const auto failures = j.find("failures"); failures != j.end()) {
    for (const auto& [cause, n] : failures->items()) s.failures[cause] = json_fields::whole<std::uint64_t>(n, "failures");
  }
}

}  // namespace lh::load
