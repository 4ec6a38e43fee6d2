#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "analysis/analyzer.h"
#include "analysis/buckets.h"

namespace lh::analysis {

// The verdict on a series already reduced to buckets: windows after warm-up
// per segment, the pooled trend test and slope, the practical-size and
// late-growth gates, and the reasons. Shared by analyze() and LiveAnalyzer.
struct DecideContext {
  std::string_view unit;
  std::span<const RequestCount> requests;
  std::span<const CacheCount> cache;
  std::optional<double> limit;
};
Verdict decide(const BucketedSeries& series, const DecideContext& context, const AnalysisParameters& params);

}  // namespace lh::analysis
