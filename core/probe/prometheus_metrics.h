#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "probe/metric.h"
#include "probe/prometheus_text.h"

namespace lh::probe {

// Turns each scrape into the metrics a person wants to see, remembering the
// previous scrape for rates:
//  - gauges, untyped samples, histogram and summary samples: as they are;
//  - counters (TYPE counter, or a `_total` name without a TYPE): a rate per
//    second, `x_total{…}` -> `x_per_s{…}` (a reset counts from zero, as
//    Prometheus' rate() does; the first scrape has no rate yet, NaN);
//  - CPU-seconds counters (`process_cpu_seconds_total`): CPU % as a rate,
//    `process_cpu_percent`;
//  - process_start_time_seconds: the identity that tells restarts apart,
//    not a series.
class PrometheusMetrics {
 public:
  struct Result {
    std::vector<Metric> metrics;
    Identity identity;
  };
  Result convert(const std::vector<PromSample>& samples, double t_s);

 private:
  struct Previous {
    double value = 0;
    double t_s = 0;
  };
  std::unordered_map<std::string, Previous> counters_;  // by the counter's own series name
};

}  // namespace lh::probe
