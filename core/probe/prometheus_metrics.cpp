#include "probe/prometheus_metrics.h"

#include <cmath>

namespace lh::probe {
namespace {

bool is_counter(const PromSample& s) {
  return s.type == PromType::counter || (s.type == PromType::untyped && s.name.ends_with("_total"));
}

struct RateName {
  std::string base;  // the sample name for the rate series, without labels
  double scale = 1;  // percent for CPU seconds
};

RateName rate_name(const std::string& counter) {
  std::string base = counter.ends_with("_total") ? counter.substr(0, counter.size() - 6) : counter;
  if (base.find("cpu") != std::string::npos && base.ends_with("_seconds")) {
    return {base.substr(0, base.size() - 8) + "_percent", 100.0};
  }
  return {base + "_per_s", 1.0};
}

}  // namespace

PrometheusMetrics::Result PrometheusMetrics::convert(const std::vector<PromSample>& samples, double t_s) {
  Result out;
  out.metrics.reserve(samples.size());
  // Only this scrape's counters are remembered, so counters that come and go
  // (a label per request id) cannot pile up.
  std::unordered_map<std::string, Previous> seen;
  for (const auto& s : samples) {
    if (s.name == "process_start_time_seconds" && s.labels.empty()) {
      out.identity.start_s = s.value;
      continue;
    }
    if (!is_counter(s)) {
      out.metrics.push_back(Metric{series_name(s), s.value, std::nullopt});
      continue;
    }
    const std::string counter = series_name(s);
    const RateName rate = rate_name(s.name);
    PromSample renamed = s;
    renamed.name = rate.base;
    double value = std::nan("");
    if (auto it = counters_.find(counter); it != counters_.end() && t_s > it->second.t_s && std::isfinite(s.value)) {
      const double increase = s.value >= it->second.value ? s.value - it->second.value : s.value;
      value = rate.scale * increase / (t_s - it->second.t_s);
    }
    seen[counter] = Previous{s.value, t_s};
    out.metrics.push_back(Metric{series_name(renamed), value, std::nullopt});
  }
  counters_ = std::move(seen);
  return out;
}

}  // namespace lh::probe
