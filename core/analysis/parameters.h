#pragma once

#include <cstddef>

namespace lh::analysis {

// Every threshold of the leak analysis, with its default and why.
// docs/ANALYSIS.md explains the method these feed.
struct AnalysisParameters {
  // --- Buckets: the series is reduced to the lowest value (the floor) of
  // each time bucket, which is what survives a garbage collection; GC
  // sawtooth and request spikes sit above it.
  double base_bucket_s = 1.0;     // narrowest bucket
  std::size_t max_buckets = 120;  // per segment; past it buckets double in width (keeps the O(b²) steps cheap)
  // A bucket with fewer samples than this share of its segment's median
  // count is left out: the floor of fewer samples sits higher.
  double min_bucket_fill = 0.6;
  // When memory drops at regular collections, buckets are widened to one GC
  // cycle each, if at least this many cycles were seen (fewer cycles stay
  // in narrow buckets, whose sawtooth the autocorrelation correction widens
  // the interval for).
  std::size_t min_sawtooth_cycles = 24;

  // --- An explicit warm-up: samples earlier than this many seconds on the
  // series' clock (from the start of the session, or of the CSV's t_s) are
  // left out before anything else, for a service whose warm-up is known
  // (a scenario's "leak.warmup"). The warm-up detection below still runs on
  // what is left. 0: none.
  double warmup_s = 0;

  // --- Segments: restarts always split the series; so does a gap longer
  // than both of these (the service may have restarted unseen).
  double max_gap_s = 30.0;
  double gap_intervals = 10.0;          // ... times the typical sampling interval
  std::size_t min_segment_buckets = 6;  // shorter segments are left out of the verdict

  // --- Changes of regime (warm-up, a cache that fills, a model loaded
  // once, growth that starts late): a two-phase fit (a line either side of
  // a split) must remove this share of a single line's squared error, and
  // the analysis then starts at the split.
  double change_min_gain = 0.5;
  // ... or this share for a warm-up: growth that slows, or a jump up, in the
  // first half of a segment, which is where every restart puts one.
  double warmup_min_gain = 0.3;
  std::size_t max_changes = 3;    // per segment
  double min_change_rms = 0.001;  // a single line already fits within this share of the level: no change
  // A warm-up levels off gradually: its tail lasts about as long again as
  // its steep part, so that much more is excluded after the first slowdown
  // of a segment (when enough remains).
  double warmup_margin = 1.0;

  // --- What a verdict needs after warm-up.
  double min_window_s = 90.0;
  std::size_t min_window_buckets = 12;

  // --- The trend test (Mann–Kendall, Hamed–Rao corrected), one-sided.
  double alpha = 0.01;
  double acf_alpha = 0.05;  // lags whose autocorrelation counts in the correction
  double ci_level = 0.95;   // of the slope's confidence interval

  // --- Practical size: growth slower than both of these is not called a
  // leak however significant; an interval wholly below them is no leak.
  double min_growth_mib_per_hour = 1.0;        // absolute, for series in a byte unit
  double min_relative_growth_per_hour = 0.02;  // of the level (2 %/h doubles memory in ~2 days)
  // A leak must be above that size with at least this probability (from
  // the slope's interval), not merely by its point estimate.
  double min_size_support = 0.9;

  // --- Does the late part still grow? Growth has slowed (a warm-up's
  // tail, a cache nearly full) when the last share of each window grows at
  // less than late_min_ratio of the part before it, by more than the two
  // slopes' noise (their intervals at ci_level). A leak needs it not slowed.
  double late_fraction = 0.5;
  double late_min_ratio = 0.4;
};

}  // namespace lh::analysis
