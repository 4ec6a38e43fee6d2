#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "probe/metric.h"

namespace lh::probe {

struct JsonMetricsOptions {
  std::size_t max_metrics = 1000;  // leaves past this are counted, not kept
  std::size_t max_depth = 32;      // leaves nested deeper are ignored
  // Arrays whose length is itself a figure (a list of loaded models): their
  // length becomes a metric named by their path.
  std::vector<std::string> counted_arrays;
};

struct JsonMetrics {
  std::vector<Metric> metrics;
  Identity identity;
  std::size_t dropped = 0;           // leaves past max_metrics
  std::optional<std::string> error;  // one line, when the body is not JSON
};

// Every numeric leaf of a JSON document, named by its path: "memory.rss_mb",
// "workers.0.rss_mb" (array elements by index); booleans as 1/0; a health
// word under a key named status/health/healthy as 1, 0.5 or 0. Other strings
// are skipped, except identity fields (pid, version, start time, uptime),
// which go to `identity` (numeric ones are kept as metrics too).
//
// Parsed with nlohmann's SAX interface: no document tree is built and no
// recursion runs, so a huge or deeply nested answer cannot exhaust the
// stack or the heap.
JsonMetrics read_json_metrics(std::string_view body, const JsonMetricsOptions& options = {});

}  // namespace lh::probe
