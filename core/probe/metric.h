#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/series_meaning.h"

namespace lh::probe {

// One number a source gave in one sample.
struct Metric {
  std::string name;  // "memory.rss_mb", "demo_requests_per_s{endpoint=\"segment\"}", "cpu_percent"
  double value = 0;  // NaN: known but not measurable this time (a rate's first sample)
  // Set when the reader knows better than the name (a status word turned
  // into 1/0); otherwise the meaning comes from the name.
  std::optional<SeriesMeaning> meaning;
  // The instance of the service the number is of, when one source reads
  // many (a Prometheus query's series, one per pod: "pod=seg-7f9"). Each
  // member is a source of its own for series, restarts and verdicts; empty:
  // the source itself.
  std::string member{};
};

// What tells one run of a service from the next. Any field may be missing.
struct Identity {
  std::optional<std::string> pid;
  std::optional<double> start_s;          // start time as a number (epoch, or ticks after boot)
  std::optional<std::string> start_text;  // start time as text ("2026-05-31T14:02:03Z")
  std::optional<std::string> version;
  std::optional<double> uptime_s;
};

// Something a reading left out, for the timeline: a limit reached, lines
// skipped. `key` tells one kind from another ("max_metrics_per_source"), so
// a note that holds answer after answer becomes one event, not one a tick.
struct ReadNote {
  std::string key;
  std::string detail;  // one line: which limit, its value, what was left out
};

// The name a metric's meaning is read from: labels left out, so
// `x_bytes{path="/mem"}` reads as bytes and not as memory of "/mem".
std::string meaning_name(const std::string& metric_name);

// The rule a number breaks when no metric so named can be that large
// (lh::reading_rule: 2^64 of its unit's base): "rss_mb = 1e+308 MiB:
// expected at most 16 EiB (2^64 bytes)". nullopt for a number within reach,
// NaN and ±Inf included (gaps already). `meaning` as in Metric (nullopt:
// read from the name). Cheap for the numbers any unit allows, so a reader
// can ask it of every number.
std::optional<std::string> beyond_reach(const std::string& name, double value,
                                        const std::optional<SeriesMeaning>& meaning = std::nullopt);

// Turns the numbers beyond reach into gaps (NaN), so that a server's 1e308
// reaches no fit and no axis; one note names the first and the count, or
// nullopt when every number is within reach.
std::optional<ReadNote> leave_out_beyond_reach(std::vector<Metric>& metrics);

}  // namespace lh::probe
