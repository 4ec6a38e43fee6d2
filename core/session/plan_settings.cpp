#include "session/plan_settings.h"

#include <cmath>

namespace lh::session {
namespace {

using ordered = nlohmann::ordered_json;

ordered header_names(const std::vector<std::string>& headers) {
  ordered names = ordered::array();
  for (const auto& h : headers) names.push_back(h.substr(0, h.find(':')));
  return names;
}

ordered seconds_or_null(const std::optional<Seconds>& s) { return s ? ordered(s->count()) : ordered(); }

const char* source_kind(probe::SourceKind kind) {
  switch (kind) {
    case probe::SourceKind::pid: return "pid";
    case probe::SourceKind::port: return "port";
    case probe::SourceKind::prom: return "prom";
    case probe::SourceKind::http: break;
  }
  return "http";
}

ordered describe_load(const load::LoadPlan& p) {
  ordered requests = ordered::array();
  for (const auto& r : p.requests) {
    ordered req{{"method", r.method.empty() ? (r.body.empty() && r.body_file.empty() && r.upload.empty() ? "GET" : "POST")
                                            : r.method},
                {"url", redact_url(r.url)},
                {"weight", r.weight}};
    if (!r.headers.empty()) req["headers"] = header_names(r.headers);
    if (!r.body.empty()) req["body_bytes"] = r.body.size();
    if (!r.body_file.empty()) req["body_file"] = r.body_file.string();
    if (!r.upload.empty()) req["upload"] = r.upload.string();
    if (!r.content_type.empty()) req["content_type"] = r.content_type;
    requests.push_back(std::move(req));
  }
  ordered stages = ordered::array();
  for (const auto& s : p.stages) stages.push_back({{"duration_s", s.duration.count()}, {"target", s.target}});
  return {{"requests", requests},
          {"concurrency", p.concurrency},
          {"rate", p.rate ? ordered(*p.rate) : ordered()},
          {"stages", stages},
          {"duration_s", seconds_or_null(p.duration)},
          {"count", p.count ? ordered(*p.count) : ordered()},
          {"timeout_s", p.timeout.count()},
          {"keep_alive", p.keep_alive},
          {"http2", p.http2}};
}

ordered describe_probes(const probe::ProbeConfig& c) {
  ordered sources = ordered::array();
  for (const auto& s : c.sources) {
    ordered src{{"kind", source_kind(s.kind)}};
    if (!s.label.empty()) src["label"] = s.label;
    if (s.kind == probe::SourceKind::http || s.kind == probe::SourceKind::prom) src["url"] = redact_url(s.url);
    if (!s.query.empty()) src["query"] = s.query;
    if (!s.restart_query.empty()) src["restart_query"] = s.restart_query;
    // Whether there are credentials, never what they are.
    if (s.basic_auth) src["basic_auth"] = true;
    if (!s.ca_file.empty()) src["ca_file"] = s.ca_file;
    if (s.kind == probe::SourceKind::pid) src["pid"] = s.pid;
    if (s.kind == probe::SourceKind::port) src["port"] = s.port;
    if (s.preset != probe::Preset::none) src["preset"] = std::string(probe::to_string(s.preset));
    if (!s.headers.empty()) src["headers"] = header_names(s.headers);
    sources.push_back(std::move(src));
  }
  return {{"sources", sources},
          {"interval_s", c.interval.count()},
          {"watch", c.watch},
          {"memory_limit_mib", c.memory_limit_mib ? ordered(*c.memory_limit_mib) : ordered()}};
}

}  // namespace

std::string redact_url(std::string_view url) {
  std::string out(url);
  const auto scheme = out.find("://");
  const std::size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
  const auto path = out.find_first_of("/?#", authority);
  const auto at = out.rfind('@', path == std::string::npos ? out.size() : path);
  if (at != std::string::npos && at >= authority) {
    const auto colon = out.find(':', authority);
    if (colon != std::string::npos && colon < at) out.replace(colon, at - colon, "");
  }
  const auto query = out.find('?');
  if (query == std::string::npos) return out;
  const auto fragment = out.find('#', query);
  const std::string params = out.substr(query + 1, fragment == std::string::npos ? std::string::npos : fragment - query - 1);
  std::string redacted;
  std::size_t from = 0;
  while (from <= params.size()) {
    const auto amp = params.find('&', from);
    const std::string pair = params.substr(from, amp == std::string::npos ? std::string::npos : amp - from);
    const auto eq = pair.find('=');
    if (!redacted.empty()) redacted += '&';
    redacted += eq == std::string::npos ? pair : pair.substr(0, eq) + "=…";
    if (amp == std::string::npos) break;
    from = amp + 1;
  }
  return out.substr(0, query + 1) + redacted;
}

nlohmann::ordered_json describe_plan(const SessionPlan& plan) {
  ordered out{{"name", plan.name},
              {"load", plan.load ? describe_load(*plan.load) : ordered()},
              {"probes", describe_probes(plan.probes)}};
  if (!plan.load) out["watch_duration_s"] = seconds_or_null(plan.watch_duration);
  if (!plan.request_counter.empty()) out["request_counter"] = plan.request_counter;
  return out;
}

}  // namespace lh::session
