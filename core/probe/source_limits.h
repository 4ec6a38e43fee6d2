#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lh::probe {

// What one answer of a source may cost, whatever the server sends: each cap
// has a name, and an answer that reaches one is read in part with an event
// saying which limit and its value (docs/SESSIONS.md lists them). With the
// body capped at 8 MiB (ProbeConfig::max_body_bytes), these keep a reading
// within a few MiB however the answer is shaped.
struct SourceLimits {
  // Numbers kept per answer, in the order given.
  std::size_t max_metrics = 1000;
  // Past max_metrics, numbers that may be the watched memory (a memory
  // level by its name, or the --watch name) are still kept, up to this many:
  // a memory figure after a thousand others is not lost.
  std::size_t max_preferred = 64;
  // A number with a longer name (JSON path, or Prometheus name with its
  // labels) is left out: a name is built only once it fits.
  std::size_t max_name_bytes = 1024;
  // JSON nesting followed; numbers nested deeper are left out.
  std::size_t max_depth = 32;
  // A JSON string longer than this makes the answer a bad response: no
  // number is named by one, and nlohmann's parser holds a string token
  // three times over (and again in its error message).
  std::size_t max_json_string_bytes = 1u << 20;
  // Prometheus TYPE lines remembered per answer (past it, a TYPE applies
  // to the samples that follow it only).
  std::size_t max_types = 10000;
};

enum class Limit { metrics, preferred, name_bytes, depth, types, json_string };

// The limit's name as the docs and events give it: "max_metrics_per_source".
std::string_view limit_name(Limit limit);
// Its value in `limits`.
std::size_t limit_value(const SourceLimits& limits, Limit limit);

}  // namespace lh::probe
