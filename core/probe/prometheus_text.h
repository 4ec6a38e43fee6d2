#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lh::probe {

// The Prometheus text exposition format (version 0.0.4), as served on
// /metrics by client libraries, node_exporter and friends.
enum class PromType { untyped, counter, gauge, histogram, summary };

struct PromSample {
  std::string name;  // as written: "http_request_duration_seconds_bucket"
  std::vector<std::pair<std::string, std::string>> labels;  // unescaped values, as written
  double value = 0;  // may be NaN or ±Inf
  PromType type = PromType::untyped;  // from the TYPE line of its family
};

struct PromText {
  std::vector<PromSample> samples;
  std::optional<std::string> error;  // "line 7: …" for the first line that does not parse
};

// Reads the whole text, the way Prometheus scrapes: one bad line makes the
// whole answer bad (`error` set, samples cleared). Comments, HELP lines and
// blank lines are skipped; a sample without a TYPE line is untyped;
// histogram and summary TYPEs cover their _bucket, _sum and _count samples;
// timestamps are read and ignored.
PromText parse_prometheus_text(std::string_view text);

// The canonical series name: `name{a="x",b="y"}`, labels sorted by name and
// values escaped again, so the same series gets the same name every scrape.
std::string series_name(const PromSample& sample);

}  // namespace lh::probe
