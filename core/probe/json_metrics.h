#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "probe/metric.h"
#include "probe/source_limits.h"

namespace lh::probe {

struct JsonMetricsOptions {
  SourceLimits limits;
  std::string watch;  // kept past limits.max_metrics (MetricCollector)
  // Arrays whose length is itself a figure (a list of loaded models): their
  // length becomes a metric named by their path.
  std::vector<std::string> counted_arrays;
};

struct JsonMetrics {
  std::vector<Metric> metrics;
  Identity identity;
  std::vector<ReadNote> notes;       // the limits the answer reached
  std::optional<std::string> error;  // one line, when the body is not JSON
};

// Every numeric leaf of a JSON document, named by its path: "memory.rss_mb",
// "workers.0.rss_mb" (array elements by index); booleans as 1/0; a health
// word under a key named status/health/healthy as 1, 0.5 or 0. Other strings
// are skipped, except identity fields (pid, version, start time, uptime),
// which go to `identity` (numeric ones are kept as metrics too). A name
// given twice (`{"a.b": 1, "a": {"b": 2}}`) is told apart: "a.b", "a.b#2".
//
// Bounded by options.limits whatever the answer: parsed with nlohmann's SAX
// interface (no document tree, no recursion); the path of the container at
// hand is one buffer that grows and shrinks with the nesting, never past
// max_name_bytes; a leaf's name is built in a scratch buffer and copied only
// if MetricCollector keeps it. A NUL byte, anything after the document or
// a string longer than max_json_string_bytes is an error.
JsonMetrics read_json_metrics(std::string_view body, const JsonMetricsOptions& options = {});

}  // namespace lh::probe
