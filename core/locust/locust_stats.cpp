#include "locust/locust_stats.h"

#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "common/csv.h"
#include "common/input_error.h"
#include "common/quote_value.h"

namespace lh::locust {
namespace {

using json = nlohmann::json;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A count: a whole number >= 0, or null (none yet).
std::uint64_t count_of(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return 0;
  if (it->is_number_unsigned()) return it->get<std::uint64_t>();
  if (it->is_number_integer() && it->get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(it->get<std::int64_t>());
  throw InputError(std::string("\"") + key + "\": expected a count, got " + quote_value(it->dump(), 40));
}

// A time or a rate: a finite number >= 0; NaN for null or missing.
double number_of(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return kNaN;
  if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0) {
    throw InputError(std::string("\"") + key + "\": expected a number >= 0, got " + quote_value(it->dump(), 40));
  }
  return it->get<double>();
}

// A text: a string, or "" for null or missing (a number where Locust
// writes text is a wrong answer, not a crash: json::value would throw
// its own type_error).
std::string text_of(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) throw InputError(std::string("\"") + key + "\": expected a text, got " + quote_value(it->dump(), 40));
  return it->get<std::string>();
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text.size() > 300 ? text.substr(0, 300) + "…" : text;
}

// Sorts Locust's errors ("HTTPError('500 Server Error…')", "ConnectionRefusedError(…)",
// "ReadTimeout(…)") into the causes LeakHound counts.
void add_errors(const json& errors, LocustStats& s) {
  if (!errors.is_array()) return;
  for (const auto& e : errors) {
    if (!e.is_object()) continue;
    const std::uint64_t n = count_of(e, "occurrences");
    const auto text = text_of(e, "error");
    if (s.first_error.empty()) s.first_error = one_line(text);
    if (text.find("HTTPError") != std::string::npos) {
      s.http_failures += n;
    } else if (text.find("Timeout") != std::string::npos || text.find("timed out") != std::string::npos) {
      s.timeout_failures += n;
    } else if (text.find("Connection") != std::string::npos) {
      s.connect_failures += n;
    }
  }
}

}  // namespace

LocustStats::LocustStats()
    : current_p50_ms(kNaN), current_p95_ms(kNaN), p50_ms(kNaN), p90_ms(kNaN), p99_ms(kNaN), mean_ms(kNaN), min_ms(kNaN),
      max_ms(kNaN) {}

LocustStats read_stats_json(std::string_view body) {
  if (body.size() > kMaxStatsBytes) throw InputError("the answer is larger than " + std::to_string(kMaxStatsBytes) + " bytes");
  bool too_deep = false;
  const json::parser_callback_t depth_limit = [&](int depth, json::parse_event_t, json&) {
    if (depth > kMaxStatsDepth) too_deep = true;
    return !too_deep;
  };
  json doc = json::parse(body, depth_limit, /*allow_exceptions=*/false);
  if (too_deep) throw InputError("nested deeper than " + std::to_string(kMaxStatsDepth) + " levels");
  if (doc.is_discarded() || !doc.is_object()) throw InputError("not a JSON object: " + quote_value(body, 60));
  const auto stats = doc.find("stats");
  if (stats == doc.end() || !stats->is_array()) throw InputError("no \"stats\" list");
  LocustStats s;
  s.state = one_line(text_of(doc, "state"));
  const auto users = count_of(doc, "user_count");
  s.user_count = static_cast<int>(std::min<std::uint64_t>(users, std::numeric_limits<int>::max()));
  if (const auto w = doc.find("workers"); w != doc.end() && w->is_array()) s.workers = static_cast<int>(w->size());
  // The last entry is the total ("Aggregated").
  if (!stats->empty() && stats->back().is_object()) {
    const json& total = stats->back();
    s.requests = count_of(total, "num_requests");
    s.failures = count_of(total, "num_failures");
    s.current_rps = number_of(total, "current_rps");
    if (std::isnan(s.current_rps)) s.current_rps = 0;
    s.p50_ms = number_of(total, "median_response_time");
    s.p90_ms = number_of(total, "ninetieth_response_time");
    s.p99_ms = number_of(total, "ninety_ninth_response_time");
    s.mean_ms = number_of(total, "avg_response_time");
    s.min_ms = number_of(total, "min_response_time");
    s.max_ms = number_of(total, "max_response_time");
  }
  s.current_p50_ms = number_of(doc, "current_response_time_percentile_50");
  s.current_p95_ms = number_of(doc, "current_response_time_percentile_95");
  if (const auto errors = doc.find("errors"); errors != doc.end()) add_errors(*errors, s);
  return s;
}

std::optional<LocustStats> read_stats_csv(std::istream& in) {
  CsvReader reader(in);
  std::vector<std::string> header, row;
  if (!reader.next(header)) return std::nullopt;
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  for (const char* needed : {"Name", "Request Count", "Failure Count"}) {
    if (!column.count(needed)) throw InputError(std::string("not Locust's stats CSV: no \"") + needed + "\" column");
  }
  auto number = [&](const char* name) {
    const auto it = column.find(name);
    if (it == column.end() || it->second >= row.size() || row[it->second].empty()) return kNaN;
    try {
      std::size_t used = 0;
      const double v = std::stod(row[it->second], &used);
      return used == row[it->second].size() && std::isfinite(v) && v >= 0 ? v : kNaN;
    } catch (const std::exception&) {
      return kNaN;
    }
  };
  while (reader.next(row)) {
    if (column["Name"] >= row.size() || row[column["Name"]] != "Aggregated") continue;
    LocustStats s;
    s.state = "stopped";
    const double requests = number("Request Count"), failures = number("Failure Count");
    if (std::isnan(requests) || std::isnan(failures) || requests > 1e18 || failures > requests) {
      throw InputError("the Aggregated row has no request counts");
    }
    s.requests = static_cast<std::uint64_t>(requests);
    s.failures = static_cast<std::uint64_t>(failures);
    s.p50_ms = number("Median Response Time");
    s.mean_ms = number("Average Response Time");
    s.min_ms = number("Min Response Time");
    s.max_ms = number("Max Response Time");
    s.p90_ms = number("90%");
    s.p99_ms = number("99%");
    return s;
  }
  return std::nullopt;
}

}  // namespace lh::locust
