#pragma once

#include <cstdint>
#include <vector>

#include "analysis/parameters.h"
#include "analysis/verdict.h"

namespace lh::analysis {

// One time bucket of a segment: the floor of its samples and when they were.
struct Bucket {
  std::int64_t cell = 0;  // index on the grid at the current width
  double floor = 0;       // lowest value
  double sum_t = 0;       // of sample times, for their mean
  std::uint32_t count = 0;
  double t() const { return sum_t / count; }
};

struct Segment {
  SegmentCause cause = SegmentCause::first;
  double first_t = 0;  // first and last sample
  double last_t = 0;
  std::size_t samples = 0;
  double lowest = 0;  // the lowest sample
  std::vector<Bucket> buckets;
};

// A growing series reduced to per-bucket floors, split into segments at
// restarts. A long gap in the samples is noted, and splits the series only
// when memory is back near where its segment started after it (a restart
// the sampler did not see): otherwise the same process went on. Buckets sit on one grid from the first sample,
// base_bucket_s wide, doubling whenever a segment would hold more than
// max_buckets: the floor of a merged bucket is the lower of two floors, so
// the result does not depend on when the merging happened. Appending is
// O(1) amortized; the whole-series analysis and the live one both build it
// sample by sample, so they agree exactly. Unless the caller knows when the
// service restarted (`restarts_known`), restarts are also read off the
// samples as they come (AnalysisParameters::restart_fallback).
class BucketedSeries {
 public:
  BucketedSeries(const AnalysisParameters& params, bool restarts_known)
      : params_(params), infer_restarts_(!restarts_known) {}

  // NaN values are gaps; a sample earlier than the previous one is dropped.
  void add(double t, double value);
  // The next sample starts a new segment.
  void restart();

  struct Gap {
    double from_s = 0, to_s = 0;
  };
  const std::vector<Segment>& segments() const { return segments_; }
  const std::vector<Gap>& gaps() const { return gaps_; }
  double bucket_width() const;
  std::size_t dropped() const { return dropped_; }
  double last_t() const { return last_t_; }
  bool empty() const { return segments_.empty(); }
  // Every number added, the explicit warm-up's too (gaps are none).
  std::size_t readings() const { return readings_; }

 private:
  void raise_level();
  double gap_threshold() const;
  bool fell_back(double t, double value) const;

  AnalysisParameters params_;
  bool infer_restarts_ = true;
  bool missing_since_last_ = false;  // NaN samples since the last one
  double recent_[3] = {0, 0, 0};     // the last samples of the segment, newest first
  std::vector<Segment> segments_;
  std::vector<Gap> gaps_;
  int level_ = 0;
  double origin_ = 0;
  double last_t_ = 0;
  bool restart_pending_ = false;
  std::size_t dropped_ = 0;
  std::size_t readings_ = 0;
  std::vector<double> first_intervals_;  // the first few, for the typical interval
  double typical_interval_ = 0;
};

}  // namespace lh::analysis
