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
Verdict decide(const BucketedSeries& series, std::string_view unit, std::span<const RequestCount> requests,
               std::optional<double> limit, const AnalysisParameters& params);

}  // namespace lh::analysis
