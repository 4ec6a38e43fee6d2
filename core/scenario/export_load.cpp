#include "scenario/export_load.h"

#include <strings.h>

#include "common/duration.h"
#include "common/input_error.h"
#include "load/load_plan.h"

namespace lh::scenario {

std::vector<std::pair<double, double>> staged_timeline(const ExportLoad& load) {
  if (!load.duration_s) return load.stages;
  std::vector<std::pair<double, double>> out;
  double start = 0, from = load.start_target;
  for (const auto& [seconds, target] : load.stages) {
    if (start + seconds >= *load.duration_s) {
      const double part = *load.duration_s - start;
      if (part > 0) out.emplace_back(part, from + (target - from) * part / seconds);
      return out;
    }
    out.emplace_back(seconds, target);
    start += seconds;
    from = target;
  }
  if (*load.duration_s > start) out.emplace_back(*load.duration_s - start, from);
  return out;
}

Headers sent_headers(const ExportRequest& r) {
  Headers out = r.request->headers;
  if (!r.content_type.empty() && !r.has_content_type_header && r.request->upload.empty()) {
    out.push_back({"Content-Type", r.content_type});
  }
  return out;
}

ExportLoad export_load(const Scenario& scenario) {
  if (!scenario.load) throw InputError("the scenario has no load to export: it only watches");
  const Load& load = *scenario.load;
  if (load.requests.empty()) throw InputError("the scenario has no load.requests to export");
  ExportLoad out;
  for (const Request& q : load.requests) {
    ExportRequest r;
    r.request = &q;
    const bool has_body = q.body.has_value() || !q.body_file.empty();
    r.method = !q.method.empty() ? q.method : has_body || !q.upload.empty() ? "POST" : "GET";
    r.name = !q.name.empty() ? q.name : r.method + " " + (q.url.empty() ? q.path : q.url);
    // As resolve_body(): a string body or a body file is text/plain, JSON is
    // JSON, an upload's parts say their own type; content_type wins.
    if (q.body) r.content_type = q.body->is_string() ? "text/plain" : "application/json";
    if (!q.body_file.empty()) r.content_type = "text/plain";
    if (!q.upload.empty()) r.content_type.clear();
    if (!q.content_type.empty()) r.content_type = q.content_type;
    for (const Header& h : q.headers) r.has_content_type_header |= strcasecmp(h.name.c_str(), "Content-Type") == 0;
    r.weight = q.weight.value_or(1);
    out.total_weight += r.weight;
    out.requests.push_back(std::move(r));
  }
  const load::LoadPlan defaults;
  out.rate = load.rate;
  out.concurrency = load.concurrency.value_or(load.rate ? 100 : 1);
  out.start_target = load.rate ? *load.rate : out.concurrency;
  for (const Stage& s : load.stages) {
    out.stages.emplace_back(parse_duration(s.duration).count(), s.target);
    out.stages_s += out.stages.back().first;
  }
  if (!load.duration.empty()) out.duration_s = parse_duration(load.duration).count();
  out.count = load.count;
  out.timeout_s = load.timeout.empty() ? defaults.timeout.count() : parse_duration(load.timeout).count();
  out.keep_alive = load.keep_alive.value_or(defaults.keep_alive);
  out.insecure = load.insecure.value_or(defaults.insecure);
  return out;
}

}  // namespace lh::scenario
