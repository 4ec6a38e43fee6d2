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
  // the interval for); a verdict on floors per cycle needs as many.
  std::size_t min_sawtooth_cycles = 8;
  // Before then, a drop that fell back to within this share of the rise
  // above the lowest floor before it gave the growth back (sawtooth.h):
  // no leak is said on growth that was not kept.
  double given_back_keep = 0.25;

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
  std::size_t max_segments = 60;        // the latest ones the verdict rests on

  // --- Restarts read off the series, when the caller knows of none (a CSV
  // of t_s and memory only): memory that falls, within a sample or two,
  // most of the way back to the lowest level of its segment, after rising
  // well above it. GC sawtooth also falls back to its floor, but rises far
  // less above it, and no sample goes missing at a collection: so the
  // rise must be a large share of the level, or a smaller one when samples
  // went missing at the drop (the service did not answer while it came up).
  double restart_fallback = 0.75;          // share of the rise given back
  double restart_min_rise = 0.5;           // rise before it, as a share of the segment's lowest level
  double restart_min_rise_after_gap = 0.2; // ... when samples went missing at the drop
  // Growth between restarts is a leak the restarts hide when each cycle
  // adds at least this share of the level; less is each new process's
  // warm-up.
  double restart_min_cycle_growth = 0.05;

  // --- Changes of regime (warm-up, a cache that fills, a model loaded
  // once, growth that starts late): a two-phase fit (a line either side of
  // a split) must remove this share of a single line's squared error, and
  // the analysis then starts at the split.
  double change_min_gain = 0.5;
  // ... or this share for a warm-up: growth that slows, or a jump up, in the
  // first half of a segment, which is where every restart puts one.
  double warmup_min_gain = 0.3;
  // A later slowdown (not a warm-up) must also separate the rates either
  // side by this many standard errors, read as uneven bursts (drift.h): a
  // random walk's slow stretch is no change of regime.
  double change_min_z = 2.33;
  std::size_t max_changes = 3;    // per segment
  double min_change_rms = 0.001;  // a single line already fits within this share of the level: no change
  // A warm-up levels off gradually: its tail lasts about as long again as
  // its steep part, so that much more is excluded after the first slowdown
  // of a segment (when enough remains).
  double warmup_margin = 1.0;

  // --- What a verdict needs after warm-up: evidence, not a fixed time.
  // Growth that is large against the level is called as soon as the window
  // is long enough for it to add fast_growth_share of the level (at the low
  // end of its interval), but never on less than min_window_floor_s; slower
  // growth needs min_window_s, and the statistics below decide how much
  // more. Always at least min_window_buckets buckets. (80 s was tried: it
  // caught leaks recorded for 1.5 minutes, and called a real LRU cache's
  // 2 % wander after it filled a leak.)
  double min_window_s = 90.0;
  double min_window_floor_s = 20.0;
  double fast_growth_share = 0.1;
  // Windows shorter than min_window_s must climb all along: growth that
  // bends down beyond bend_z standard errors (curvature.h) and ends below
  // steady_min_ratio of its starting slope is a warm-up still going.
  double steady_min_ratio = 0.75;
  double bend_z = 3.0;
  // ... read against requests served when their count is known; without
  // it, not for growth of this many times the level the window began at
  // (a warm-up adds a share of the process; that much in under
  // min_window_s is a leak whose request rate slows as the process grows).
  double bend_exempt_growth = 2.0;
  // However slow, a leak must be seen to add this share of the level over
  // the window (at the low end of its interval): a small creep needs a long
  // run, since an allocator settling after start-up creeps too. (0.5 %: 1 %
  // held back leaks of large services for minutes with no false verdict it
  // prevented on the tuning sets, real or generated.)
  double min_visible_growth = 0.005;
  double min_visible_growth_mib = 1.0;  // ... and, for series in a byte unit, this much
  std::size_t min_window_buckets = 12;

  // --- The trend test (Mann–Kendall, Hamed–Rao corrected), one-sided.
  double alpha = 0.01;
  // ... and the trend must already show, more loosely, without the window's
  // last quarter: a verdict read again and again during a run would
  // otherwise sooner or later take a lucky stretch for a leak.
  double earlier_alpha = 0.05;
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
  // Read as uneven bursts (a random walk with drift), the late part has
  // slowed when its mean rate is below late_min_ratio of the early part's
  // and the block rates fall over the window at this one-sided level.
  double slowdown_alpha = 0.05;

  // --- Levelling off: a rising curve that approaches a plateau (a warm-up's
  // tail) fits the last segment at least this share of a line's squared
  // error better, the segment spans at least this many of its time
  // constants, and the window grows no faster than the curve: not a leak,
  // however it still grows. One time constant (the rate down to 37 %), not
  // two: a warm-up with τ of 15 minutes read at 25 minutes cut off its
  // faster part as warm-up, found the rest too straight, and was a leak.
  double saturation_min_gain = 0.5;
  double saturation_min_taus = 1.0;
};

}  // namespace lh::analysis
