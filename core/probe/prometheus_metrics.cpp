#include "probe/prometheus_metrics.h"

#include <algorithm>
#include <cmath>

namespace lh::probe {
namespace {

bool is_counter(const PromSample& s) {
  return s.type == PromType::counter || (s.type == PromType::untyped && s.name.ends_with("_total"));
}

bool is_created(const PromSample& s) {
  return s.name.ends_with("_created") && (s.type == PromType::counter || s.type == PromType::histogram ||
                                          s.type == PromType::summary);
}

// The sample name of a counter's rate series, without labels, into `base`;
// returns the scale (percent for CPU seconds).
double rate_name(std::string_view counter, std::string& base) {
  base.assign(counter.ends_with("_total") ? counter.substr(0, counter.size() - 6) : counter);
  if (base.find("cpu") != std::string::npos && base.ends_with("_seconds")) {
    base.resize(base.size() - 8);
    base += "_percent";
    return 100.0;
  }
  base += "_per_s";
  return 1.0;
}

}  // namespace

std::string counter_series_name(std::string_view counter) {
  const std::size_t brace = std::min(counter.find('{'), counter.size());
  const std::string_view name = counter.substr(0, brace);
  if (!name.ends_with("_total")) return std::string(counter);
  std::string base;
  rate_name(name, base);
  return base + std::string(counter.substr(brace));
}

PrometheusMetrics::Result PrometheusMetrics::read(std::string_view text, PromFormat format, double t_s,
                                                  MetricCollector& out) {
  Result result;
  // Only this scrape's counters are remembered, so counters that come and go
  // (a label per request id) cannot pile up.
  seen_.clear();
  result.lines = read_prometheus_text(
      text, format, [&](const PromSample& s) { add(s, t_s, out, result); },
      PromReadLimits{out.limits().max_types, out.limits().max_name_bytes});
  if (result.lines.types_forgotten > 0) out.left_out(Limit::types, result.lines.types_forgotten);
  if (result.lines.too_long > 0) out.left_out(Limit::name_bytes, result.lines.too_long);
  std::swap(counters_, seen_);
  return result;
}

void PrometheusMetrics::add(const PromSample& s, double t_s, MetricCollector& out, Result& result) {
  if (s.name == "process_start_time_seconds" && s.labels.empty()) {
    result.identity.start_s = s.value;
    return;
  }
  if (is_created(s)) return;
  if (!is_counter(s)) {
    series_name_into(name_, s.name, s.labels);
    if (out.admit(name_)) out.add(name_, s.value);
    return;
  }
  const double scale = rate_name(s.name, rate_base_);
  series_name_into(name_, rate_base_, s.labels);
  if (!out.admit(name_)) return;
  series_name_into(counter_name_, s.name, s.labels);
  double value = std::nan("");
  if (auto it = counters_.find(counter_name_); it != counters_.end() && t_s > it->second.t_s && std::isfinite(s.value)) {
    const double increase = s.value >= it->second.value ? s.value - it->second.value : s.value;
    value = scale * increase / (t_s - it->second.t_s);
  }
  seen_[counter_name_] = Previous{s.value, t_s};
  out.add(name_, value);
}

}  // namespace lh::probe
