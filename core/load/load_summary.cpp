#include "load/load_summary.h"

#include <array>
#include <charconv>
#include <string_view>
#include <utility>

#include "common/input_error.h"
#include "common/json_fields.h"
#include "common/quote_value.h"

namespace lh::load {
namespace {

using nlohmann::json;

// "latency_ms"'s keys, and the field each names.
constexpr std::array<std::pair<std::string_view, double LatencySummary::*>, 9> kLatencyKeys{{
    {"p50", &LatencySummary::p50_ms},
    {"p75", &LatencySummary::p75_ms},
    {"p90", &LatencySummary::p90_ms},
    {"p95", &LatencySummary::p95_ms},
    {"p99", &LatencySummary::p99_ms},
    {"p99_9", &LatencySummary::p99_9_ms},
    {"min", &LatencySummary::min_ms},
    {"max", &LatencySummary::max_ms},
    {"mean", &LatencySummary::mean_ms},
}};

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
  json latency = json::object();
  for (const auto& [key, field] : kLatencyKeys) latency[std::string(key)] = s.latency.*field;
  json status = json::object();
  for (const auto& [code, n] : s.status_codes) status[std::to_string(code)] = n;
  j = json{
      {"state", s.state},
      {"duration_s", s.duration_s},
      {"concurrency", s.concurrency},
      {"rate", json_fields::optional<json>(s.rate)},
      {"started", s.started},
      {"completed", s.completed},
      {"failed", s.failed},
      {"aborted", s.aborted},
      {"non_2xx", s.non_2xx},
      {"requests_per_second", s.requests_per_second},
      {"latency_ms", latency},
      {"status_codes", status},
      {"failures", s.failures},
      {"connections_opened", s.connections_opened},
      {"bytes_received", s.bytes_received},
      {"body_bytes_received", s.body_bytes_received},
      {"bytes_sent", s.bytes_sent},
      {"first_error", json_fields::optional<json>(s.first_error)},
  };
}

void from_json(const json& j, LoadSummary& s) {
  using json_fields::read;
  read(j, "state", s.state);
  json_fields::read_number(j, "duration_s", s.duration_s);
  read(j, "concurrency", s.concurrency);
  json_fields::read_optional(j, "rate", s.rate);
  read(j, "started", s.started);
  read(j, "completed", s.completed);
  read(j, "failed", s.failed);
  read(j, "aborted", s.aborted);
  read(j, "non_2xx", s.non_2xx);
  json_fields::read_number(j, "requests_per_second", s.requests_per_second);
  if (const auto latency = j.find("latency_ms"); latency != j.end()) {
    for (const auto& [key, field] : kLatencyKeys) json_fields::read_number(*latency, key.data(), s.latency.*field);
  }
  if (const auto status = j.find("status_codes"); status != j.end()) {
    for (const auto& [code, n] : status->items()) s.status_codes[status_code(code)] = n.get<std::uint64_t>();
  }
  read(j, "failures", s.failures);
  read(j, "connections_opened", s.connections_opened);
  read(j, "bytes_received", s.bytes_received);
  read(j, "body_bytes_received", s.body_bytes_received);
  read(j, "bytes_sent", s.bytes_sent);
  json_fields::read_optional(j, "first_error", s.first_error);
}

}  // namespace lh::load
