// The Prometheus text and OpenMetrics reader, and the conversion of its
// samples (rates over two scrapes): the first byte picks the format. Every
// sample given is named canonically, and that name read again names the
// same series.
#include <cstdint>
#include <string>
#include <string_view>

#include "probe/metric_collector.h"
#include "probe/prometheus_metrics.h"
#include "probe/prometheus_text.h"

using namespace lh::probe;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const PromFormat format = data[0] % 2 ? PromFormat::openmetrics : PromFormat::text;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  PromLines lines = read_prometheus_text(text, format, [](const PromSample& s) {
    const std::string name = series_name(s);
    const PromText again = parse_prometheus_text(name + " 1\n");
    if (again.samples.size() != 1 || series_name(again.samples[0]) != name) __builtin_trap();
  }, PromReadLimits{16, 256});
  if (lines.first_problem && lines.first_problem->find('\n') != std::string::npos) __builtin_trap();

  SourceLimits limits;
  limits.max_metrics = 32;
  limits.max_preferred = 4;
  limits.max_types = 16;
  limits.max_name_bytes = 256;
  PrometheusMetrics converter;
  for (double t_s : {1.0, 2.0}) {
    MetricCollector collector(limits, "process_resident_memory_bytes");
    converter.read(text, format, t_s, collector);
    const auto collected = std::move(collector).finish();
    if (collected.metrics.size() > limits.max_metrics + limits.max_preferred) __builtin_trap();
  }
  return 0;
}
