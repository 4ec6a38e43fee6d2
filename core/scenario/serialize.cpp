#include "scenario/serialize.h"

#include <cmath>
#include <cstdint>

namespace lh::scenario {
namespace {

// 200.0 is written 200: the number a person typed, not a float's spelling.
Json number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

void put(Json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}

template <typename T>
void put(Json& out, const char* key, const std::optional<T>& value) {
  if (!value) return;
  if constexpr (std::is_same_v<T, double>) {
    out[key] = number(*value);
  } else {
    out[key] = *value;
  }
}

void put(Json& out, const char* key, const Headers& headers) {
  if (headers.empty()) return;
  Json object = Json::object();
  for (const auto& h : headers) object[h.name] = h.value;
  out[key] = std::move(object);
}

void put(Json& out, const char* key, Json value) {
  if (!value.empty()) out[key] = std::move(value);
}

Json source_json(const ProbeSource& s) {
  if (s == ProbeSource(s.source)) return s.source;
  Json out = Json::object();
  put(out, "source", s.source);
  put(out, "label", s.label);
  put(out, "headers", s.headers);
  put(out, "query", s.query);
  put(out, "restart_query", s.restart_query);
  if (!s.basic_user.empty() || !s.basic_password.empty()) {
    out["basic_auth"] = Json{{"user", s.basic_user}, {"password", s.basic_password}};
  }
  put(out, "bearer_token", s.bearer_token);
  put(out, "ca_file", s.ca_file);
  return out;
}

Json probes_json(const Probes& p) {
  Json out = Json::object();
  Json sources = Json::array();
  for (const auto& s : p.sources) sources.push_back(source_json(s));
  put(out, "sources", std::move(sources));
  put(out, "interval", p.interval);
  put(out, "timeout", p.timeout);
  put(out, "watch", p.watch);
  put(out, "memory_limit", p.memory_limit);
  put(out, "request_counter", p.request_counter);
  put(out, "duration", p.duration);
  return out;
}

Json request_json(const Request& r) {
  Json out = Json::object();
  put(out, "name", r.name);
  put(out, "method", r.method);
  put(out, "path", r.path);
  put(out, "url", r.url);
  put(out, "headers", r.headers);
  if (r.body) out["body"] = *r.body;
  put(out, "body_file", r.body_file);
  put(out, "content_type", r.content_type);
  put(out, "upload", r.upload);
  put(out, "upload_field", r.upload_field);
  put(out, "weight", r.weight);
  return out;
}

Json load_json(const Load& l) {
  Json out = Json::object();
  Json requests = Json::array();
  for (const auto& r : l.requests) requests.push_back(request_json(r));
  put(out, "requests", std::move(requests));
  put(out, "concurrency", l.concurrency);
  put(out, "rate", l.rate);
  Json stages = Json::array();
  for (const auto& s : l.stages) stages.push_back(Json{{"duration", s.duration}, {"target", number(s.target)}});
  put(out, "stages", std::move(stages));
  put(out, "duration", l.duration);
  put(out, "count", l.count);
  put(out, "timeout", l.timeout);
  put(out, "keep_alive", l.keep_alive);
  put(out, "http2", l.http2);
  put(out, "insecure", l.insecure);
  put(out, "check_length", l.check_length);
  put(out, "engine", l.engine);
  put(out, "workers", l.workers);
  put(out, "master", l.master);
  return out;
}

Json leak_json(const Leak& l) {
  Json out = Json::object();
  put(out, "warmup", l.warmup);
  put(out, "min_growth_per_hour", l.min_growth_per_hour);
  put(out, "min_growth_percent_per_hour", l.min_growth_percent_per_hour);
  put(out, "alpha", l.alpha);
  put(out, "min_window", l.min_window);
  put(out, "min_window_fast", l.min_window_fast);
  put(out, "max_gap", l.max_gap);
  return out;
}

Json report_json(const Report& r) {
  Json out = Json::object();
  put(out, "title", r.title);
  Json series = Json::array();
  for (const auto& s : r.series) series.push_back(s);
  put(out, "series", std::move(series));
  return out;
}

}  // namespace

Json to_json(const Scenario& s) {
  Json out = Json::object();
  out[std::string(kFormatKey)] = kFormatVersion;
  put(out, "name", s.name);
  put(out, "description", s.description);
  put(out, "target", s.target);
  put(out, "probes", probes_json(s.probes));
  // A load section as written, even an empty one: its problems stay.
  if (s.load) out["load"] = load_json(*s.load);
  put(out, "leak", leak_json(s.leak));
  put(out, "report", report_json(s.report));
  return out;
}

std::string to_text(const Scenario& scenario) {
  return to_json(scenario).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace lh::scenario
