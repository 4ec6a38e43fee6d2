#include "probe/http_source.h"

#include <cctype>

#include "probe/health_status.h"
#include "probe/json_metrics.h"
#include "probe/metric_collector.h"

namespace lh::probe {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool looks_like_json(const HttpResponse& r, std::string_view body) {
  return r.content_type.find("json") != std::string::npos || body.starts_with('{') || body.starts_with('[');
}

bool says_prometheus(const HttpResponse& r, std::string_view body) {
  return r.content_type.find("version=0.0.4") != std::string::npos ||
         r.content_type.find("openmetrics") != std::string::npos || body.starts_with("# HELP") ||
         body.starts_with("# TYPE");
}

SourceSample health_reading(double value) {
  SourceSample s;
  s.metrics.push_back(Metric{"status", value, SeriesMeaning{Unit::none, SeriesKind::status, {}}, {}});
  return s;
}

std::string service_name(Preset preset) {
  return preset == Preset::segmentation ? "the segmentation service's" : "the conversion service's";
}

}  // namespace

std::string body_excerpt(std::string_view body) {
  constexpr std::size_t kMax = 40;
  std::string out;
  for (char c : body.substr(0, kMax)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7f) ? c : (c == '\n' || c == '\r' || c == '\t') ? ' ' : '?';
  }
  return "\"" + out + (body.size() > kMax ? "…\"" : "\"");
}

SourceSample HttpSource::read_json(const std::string& body) const {
  JsonMetricsOptions options;
  options.limits = limits_;
  options.watch = watch_;
  if (spec().preset == Preset::segmentation) options.counted_arrays = {"language_processor.loaded_models"};
  JsonMetrics json = read_json_metrics(body, options);
  if (json.error) return SourceSample::failed(EventKind::bad_response, "not valid JSON: " + *json.error);
  if (json.metrics.empty()) {
    std::string why = "JSON without a number in it: " + body_excerpt(body);
    if (!json.notes.empty()) why = "JSON whose numbers were all left out: " + json.notes.front().detail;
    return SourceSample::failed(EventKind::bad_response, why);
  }
  SourceSample s;
  s.metrics = std::move(json.metrics);
  s.identity = std::move(json.identity);
  s.notes = std::move(json.notes);
  return s;
}

SourceSample HttpSource::read_prometheus(const HttpResponse& r, double t_s) {
  MetricCollector collector(limits_, watch_);
  const auto read = prometheus_.read(r.body, prom_format_of(r.content_type), t_s, collector);
  auto collected = std::move(collector).finish();
  if (read.lines.samples == 0) {
    if (!collected.notes.empty()) {
      return SourceSample::failed(EventKind::bad_response,
                                  "Prometheus text whose samples were all left out: " + collected.notes.front().detail);
    }
    if (says_prometheus(r, trimmed(r.body))) {
      return SourceSample::failed(EventKind::bad_response,
                                  "Prometheus text, " + read.lines.first_problem.value_or("without a single sample"));
    }
    return SourceSample::failed(EventKind::bad_response,
                                "neither JSON, Prometheus text nor a health status: " + body_excerpt(trimmed(r.body)));
  }
  SourceSample s;
  s.metrics = std::move(collected.metrics);
  s.identity = read.identity;
  s.notes = std::move(collected.notes);
  if (read.lines.skipped > 0) {
    s.notes.push_back({"skipped_lines", "Prometheus text: " + std::to_string(read.lines.skipped) +
                                            (read.lines.skipped == 1 ? " line" : " lines") +
                                            " skipped, as Prometheus would not take them; the first, " +
                                            read.lines.first_problem.value_or("")});
  }
  return s;
}

SourceSample HttpSource::sample(std::span<const HttpResponse> responses, double t_s) {
  if (responses.empty()) return SourceSample::failed(EventKind::unreachable, "not fetched");
  const HttpResponse& r = responses.front();
  if (r.outcome == HttpResponse::Outcome::unreachable) return SourceSample::failed(EventKind::unreachable, r.error);
  if (r.outcome == HttpResponse::Outcome::bad_response) return SourceSample::failed(EventKind::bad_response, r.error);

  const std::string_view body = trimmed(r.body);
  // ASP.NET Core answers an unhealthy check with 503 and "Unhealthy": that
  // is a reading, not a broken source.
  if (const auto health = health_value(body)) return health_reading(*health);
  if (r.status < 200 || r.status >= 300) {
    std::string why = "HTTP " + std::to_string(r.status);
    if (!body.empty()) why += ": " + body_excerpt(body);
    return SourceSample::failed(EventKind::bad_response, why);
  }
  if (body.empty()) return SourceSample::failed(EventKind::bad_response, "empty body");
  if (looks_like_json(r, body)) return read_json(r.body);
  if (spec().preset == Preset::segmentation || spec().preset == Preset::conversion) {
    return SourceSample::failed(EventKind::bad_response,
                                "expected " + service_name(spec().preset) + " JSON, got " + body_excerpt(body));
  }
  return read_prometheus(r, t_s);
}

}  // namespace lh::probe
