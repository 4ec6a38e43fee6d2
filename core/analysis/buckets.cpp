#include "analysis/buckets.h"

#include <algorithm>
#include <cmath>

namespace lh::analysis {
namespace {

// The typical sampling interval is the median of the first intervals: fixed
// early, so a later burst of fast or slow samples does not move the gap rule.
constexpr std::size_t kIntervalsForTypical = 15;

}  // namespace

double BucketedSeries::bucket_width() const { return params_.base_bucket_s * std::ldexp(1.0, level_); }

double BucketedSeries::gap_threshold() const {
  return std::max(params_.max_gap_s, params_.gap_intervals * typical_interval_);
}

void BucketedSeries::restart() {
  if (!segments_.empty()) restart_pending_ = true;
}

// A restart the series shows by itself: memory that held well above its
// segment's lowest level for the last few samples, and is now back most of
// the way to it (AnalysisParameters::restart_fallback).
bool BucketedSeries::fell_back(double t, double value) const {
  const Segment& seg = segments_.back();
  if (seg.samples < 3) return false;
  const double before = std::min({recent_[0], recent_[1], recent_[2]});  // held, not a spike
  const double rise = before - seg.lowest;
  if (!(rise > 0) || value > seg.lowest + (1 - params_.restart_fallback) * rise) return false;
  const bool missing = missing_since_last_ || (typical_interval_ > 0 && t - last_t_ > 2.5 * typical_interval_);
  const double need = missing ? params_.restart_min_rise_after_gap : params_.restart_min_rise;
  return rise >= need * std::fabs(seg.lowest);
}

void BucketedSeries::add(double t, double value) {
  if (!std::isfinite(t)) return;
  if (std::isnan(value)) {
    if (!segments_.empty()) missing_since_last_ = true;
    return;
  }
  ++readings_;
  if (params_.warmup_s > 0 && t < params_.warmup_s) return;  // the explicit warm-up, as if never sampled
  if (segments_.empty()) {
    origin_ = t;
  } else if (t < last_t_) {
    ++dropped_;
    return;
  } else if (first_intervals_.size() < kIntervalsForTypical) {
    first_intervals_.push_back(t - last_t_);
    auto sorted = first_intervals_;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
    typical_interval_ = sorted[sorted.size() / 2];
  }

  if (!segments_.empty() && t - last_t_ > gap_threshold()) gaps_.push_back({last_t_, t});
  const bool inferred = infer_restarts_ && !segments_.empty() && !restart_pending_ && fell_back(t, value);
  if (segments_.empty() || restart_pending_ || inferred) {
    Segment s;
    s.cause = segments_.empty() ? SegmentCause::first
              : restart_pending_ ? SegmentCause::restart
                                 : SegmentCause::inferred_restart;
    s.first_t = t;
    s.lowest = value;
    segments_.push_back(std::move(s));
    restart_pending_ = false;
  }
  last_t_ = t;
  missing_since_last_ = false;

  Segment& seg = segments_.back();
  seg.last_t = t;
  seg.lowest = std::min(seg.lowest, value);
  recent_[2] = seg.samples >= 2 ? recent_[1] : value;
  recent_[1] = seg.samples >= 1 ? recent_[0] : value;
  recent_[0] = value;
  ++seg.samples;
  const auto base_cell = static_cast<std::int64_t>(std::floor((t - origin_) / params_.base_bucket_s));
  const std::int64_t cell = base_cell >> level_;
  if (seg.buckets.empty() || seg.buckets.back().cell != cell) {
    seg.buckets.push_back(Bucket{cell, value, 0, 0});
  }
  Bucket& b = seg.buckets.back();
  b.floor = std::min(b.floor, value);
  b.sum_t += t;
  ++b.count;
  if (seg.buckets.size() > params_.max_buckets) raise_level();
}

void BucketedSeries::raise_level() {
  ++level_;
  for (auto& seg : segments_) {
    std::vector<Bucket> merged;
    merged.reserve(seg.buckets.size() / 2 + 1);
    for (const auto& b : seg.buckets) {
      const std::int64_t cell = b.cell >> 1;  // arithmetic shift: floor division for any sign
      if (merged.empty() || merged.back().cell != cell) {
        merged.push_back(Bucket{cell, b.floor, b.sum_t, b.count});
      } else {
        merged.back().floor = std::min(merged.back().floor, b.floor);
        merged.back().sum_t += b.sum_t;
        merged.back().count += b.count;
      }
    }
    seg.buckets = std::move(merged);
  }
}

}  // namespace lh::analysis
