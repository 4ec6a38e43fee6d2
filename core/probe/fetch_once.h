#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "common/series_meaning.h"
#include "probe/source_spec.h"

namespace lh::probe {

// One series a source gave, as a "test connection" lists it.
struct FoundSeries {
  std::string metric;  // "memory.rss_mb"
  double value = 0;    // NaN: known but not measurable from one look (a rate)
  SeriesMeaning meaning;
};

struct FetchOnceResult {
  std::string error;  // empty when the source answered with something readable
  std::vector<FoundSeries> series;
  // The one the sampler would watch (lh::pick_watched_memory); nullopt when
  // no name looks like memory.
  std::optional<std::size_t> watched;
  double took_ms = 0;
  bool ok() const { return error.empty(); }
};

// Looks at a source once, as the sampler's first tick would: one request
// for a URL, one reading for a local process (two, `settle` apart, so its
// CPU % is known). Blocks for at most about `timeout` (plus `settle`).
// Never throws for a source that fails: the error says why.
FetchOnceResult fetch_once(const SourceSpec& spec, std::chrono::milliseconds timeout = std::chrono::seconds(5),
                           std::chrono::milliseconds settle = std::chrono::milliseconds(250));

}  // namespace lh::probe
