#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "probe/metric.h"
#include "probe/metric_collector.h"
#include "probe/prometheus_text.h"

namespace lh::probe {

// Turns each scrape into the metrics a person wants to see, remembering the
// previous scrape for rates:
//  - gauges, untyped samples, histogram, summary, info and stateset
//    samples: as they are;
//  - counters (TYPE counter, or a `_total` name without a TYPE): a rate per
//    second, `x_total{…}` -> `x_per_s{…}` (a reset counts from zero, as
//    Prometheus' rate() does; the first scrape has no rate yet, NaN);
//  - CPU-seconds counters (`process_cpu_seconds_total`): CPU % as a rate,
//    `process_cpu_percent`;
//  - process_start_time_seconds: the identity that tells restarts apart,
//    not a series; OpenMetrics' `_created` samples (when a counter began)
//    are left out the same way.
// The metrics go into a MetricCollector, which caps them and tells apart
// names that meet (a counter `a` and a gauge `a_per_s`).
// The series a counter's samples become, labels kept as written:
// "http_requests_total{code=\"200\"}" -> "http_requests_per_s{code=\"200\"}",
// "process_cpu_seconds_total" -> "process_cpu_percent". A name that is no
// `_total` counter's is returned as it is.
std::string counter_series_name(std::string_view counter);

class PrometheusMetrics {
 public:
  struct Result {
    Identity identity;
    PromLines lines;
  };
  Result read(std::string_view text, PromFormat format, double t_s, MetricCollector& out);

 private:
  struct Previous {
    double value = 0;
    double t_s = 0;
  };
  void add(const PromSample& sample, double t_s, MetricCollector& out, Result& result);

  std::unordered_map<std::string, Previous> counters_;  // by the counter's own series name
  std::unordered_map<std::string, Previous> seen_;      // this scrape's, kept counters only
  std::string name_, counter_name_, rate_base_;         // scratch, reused line after line
};

}  // namespace lh::probe
