#pragma once

#include "probe/prometheus_metrics.h"
#include "probe/source.h"

namespace lh::probe {

// A URL answering JSON, Prometheus text or a plain health word, told apart
// by the answer itself (its Content-Type, then its first characters).
class HttpSource : public Source {
 public:
  HttpSource(SourceSpec spec, SourceLimits limits, std::string watch = {})
      : Source(std::move(spec)), limits_(limits), watch_(std::move(watch)) {}

  std::vector<HttpRequest> requests() const override { return source_requests(spec()); }
  SourceSample sample(std::span<const HttpResponse> responses, double t_s) override;

 private:
  SourceSample read_json(const std::string& body) const;
  SourceSample read_prometheus(const HttpResponse& response, double t_s);

  SourceLimits limits_;
  std::string watch_;
  PrometheusMetrics prometheus_;
};

// The first characters of a body, printable and on one line, for messages.
std::string body_excerpt(std::string_view body);

}  // namespace lh::probe
