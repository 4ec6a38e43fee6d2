#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lh::probe {

// The Prometheus text exposition format (version 0.0.4, as client
// libraries and node_exporter serve it on /metrics) and OpenMetrics 1.0
// (application/openmetrics-text), read line by line the way Prometheus'
// own parsers (model/textparse: promlex.l, openmetricslex.l) read them.
enum class PromFormat { text, openmetrics };

// The format a Content-Type names: OpenMetrics for
// application/openmetrics-text, the text format otherwise.
PromFormat prom_format_of(std::string_view content_type);

// gaugehistogram, info and stateset are OpenMetrics' own; `unknown` (and
// the text format's `untyped`) read as untyped.
enum class PromType { untyped, counter, gauge, histogram, summary, gaugehistogram, info, stateset };

struct PromSample {
  std::string name;  // as written, unquoted: "http_request_duration_seconds_bucket", "my.metric"
  std::vector<std::pair<std::string, std::string>> labels;  // unescaped, in the order written
  double value = 0;  // may be NaN or ±Inf
  PromType type = PromType::untyped;  // from the TYPE line of its family
};

// What the lines of an answer came to.
struct PromLines {
  std::size_t samples = 0;  // sample lines read
  std::size_t skipped = 0;  // lines Prometheus would not accept, left out
  std::optional<std::string> first_problem;  // "line 7: …", the first of them
  std::size_t types_forgotten = 0;  // TYPE lines past max_types
  std::size_t too_long = 0;         // good sample lines whose name cannot fit max_name_bytes
};

// What one answer may cost (SourceLimits has the same two).
struct PromReadLimits {
  std::size_t max_types = 10000;
  std::size_t max_name_bytes = 1024;
};

// Reads `text` and calls `on_sample` for each sample line, with a sample
// that lives until the next call. A line Prometheus would not accept is
// skipped and counted, never the whole answer: a bad value (`--1`, `1_0`,
// `1e999`, which Go's ParseFloat refuses), a bad label, an unknown escape
// kept as written (as Prometheus keeps it), a label name given twice, a
// TYPE it does not know. HELP lines and comments say nothing read here.
//
// OpenMetrics adds exemplars (`# {trace_id="…"} 1`, read and ignored),
// timestamps in seconds with decimals, UNIT lines, `# EOF` (a missing
// one, or anything after it, is counted as a skipped line) and its types;
// blank lines and free comments are not OpenMetrics. In both formats a
// metric or label name may be quoted UTF-8 (Prometheus 3):
// `{"my.metric", "le.x"="1"} 2`. Differences from Prometheus, on purpose:
// a CR before the line break is allowed, and a NUL byte or a line break
// inside a label value make that line bad rather than end the answer.
//
// Bounded: no line is kept; a sample whose canonical name would be longer
// than max_name_bytes is counted (`too_long`), not built nor given; at most
// `max_types` TYPE lines are remembered (past it, a TYPE applies to the
// samples right after it).
PromLines read_prometheus_text(std::string_view text, PromFormat format,
                               const std::function<void(const PromSample&)>& on_sample,
                               const PromReadLimits& limits = {});

// Every sample of a text, for tests and tools.
struct PromText {
  std::vector<PromSample> samples;
  PromLines lines;
};
PromText parse_prometheus_text(std::string_view text, PromFormat format = PromFormat::text);

// The canonical series name: `name{a="x",b="y"}`, labels sorted by name and
// values escaped again, so the same series gets the same name every scrape;
// a name that is not a classic one is quoted, `{"my.metric",a="x"}`. Read
// again by read_prometheus_text, it names the same series.
std::string series_name(const PromSample& sample);
// The same into `out` (cleared first), to reuse its buffer line after line.
void series_name_into(std::string& out, std::string_view name,
                      const std::vector<std::pair<std::string, std::string>>& labels);

}  // namespace lh::probe
