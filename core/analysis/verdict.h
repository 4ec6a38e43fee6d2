#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/reason.h"

namespace lh::analysis {

enum class VerdictKind {
  leak,          // sustained growth of a practical size, still going on
  no_leak,       // any growth left after warm-up is below the practical size
  inconclusive,  // too little data after warm-up, or evidence either way too weak
};

// "leak", "no_leak", "inconclusive": the words of the JSON and the CLI.
std::string_view to_string(VerdictKind kind);

// How a segment began: with the series, after a restart the caller knew of,
// or after a restart read off the series itself (memory fell back to where
// the segment started).
enum class SegmentCause { first, restart, inferred_restart };

// One stretch between restarts. Slopes are in the series' unit per
// hour; NaN where the segment was too short to analyse.
struct SegmentResult {
  SegmentCause cause = SegmentCause::first;
  double from_s = 0;  // first and last sample
  double to_s = 0;
  double window_from_s = 0;  // where its analysed part begins (after warm-up)
  std::size_t samples = 0;
  bool analysed = false;      // long enough to count in the verdict
  double slope_per_hour = 0;  // Theil–Sen over the analysed part
  double growth = 0;          // slope × length of the analysed part
};

struct Verdict {
  VerdictKind kind = VerdictKind::inconclusive;
  // 0–1: for leak, the weaker of the trend test's 1 - p and the probability
  // the slope is above the practical size; for no_leak, the probability it
  // is below; 0 for inconclusive.
  double confidence = 0;
  std::string unit;
  double slope_per_hour = 0;  // Theil–Sen over the window (pooled over segments)
  double slope_ci_low = 0;    // 95 % interval, widened for autocorrelation
  double slope_ci_high = 0;
  double growth = 0;         // slope × the window's length (summed over segments)
  double window_from_s = 0;  // what the verdict rests on
  double window_to_s = 0;
  bool has_estimate = false;            // false: too little data for a slope (the numbers above are 0)
  double p_value = 1;                   // one-sided Mann–Kendall (Hamed–Rao) over the window
  double late_slope_per_hour = 0;       // of the last part of the window
  double practical_slope_per_hour = 0;  // the size gate that applied
  double bucket_s = 0;                  // width of the buckets the series was reduced to
  int restarts = 0;           // known and inferred
  int inferred_restarts = 0;  // of them, read off the series itself
  std::vector<SegmentResult> segments;
  std::optional<double> growth_per_1000_requests;
  std::optional<double> time_to_limit_h;       // at the slope; 0 when already past it
  std::optional<double> time_to_limit_low_h;   // at the interval's high slope
  std::optional<double> time_to_limit_high_h;  // at the interval's low slope; nullopt: maybe never
  std::vector<Reason> reasons;                 // verdict_words.h says them in plain words
  std::optional<std::size_t> deciding;         // the reason that settled it, or held it back
};

}  // namespace lh::analysis
