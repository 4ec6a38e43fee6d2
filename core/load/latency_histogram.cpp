#include "load/latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace lh::load {
namespace {

constexpr std::size_t kLinearLimit = std::size_t{1} << (LatencyHistogram::kSubBucketBits + 1);
constexpr std::size_t kHalf = kLinearLimit / 2;

}  // namespace

LatencyHistogram::LatencyHistogram() : counts_(kBucketCount, 0) {}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.count_ == 0) return;
  for (std::size_t i = 0; i < kBucketCount; ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
  sum_ns_ += other.sum_ns_;
  min_ns_ = std::min(min_ns_, other.min_ns_);
  max_ns_ = std::max(max_ns_, other.max_ns_);
}

void LatencyHistogram::reset() {
  if (count_ == 0) return;
  std::fill(counts_.begin(), counts_.end(), 0);
  count_ = 0;
  sum_ns_ = 0;
  min_ns_ = kMaxTrackableNs;
  max_ns_ = 0;
}

std::int64_t LatencyHistogram::lowest_in(std::size_t index) {
  if (index < kLinearLimit) return static_cast<std::int64_t>(index);
  const std::size_t shift = (index - kLinearLimit) / kHalf + 1;
  const std::size_t sub = (index - kLinearLimit) % kHalf + kHalf;
  return static_cast<std::int64_t>(sub) << shift;
}

std::int64_t LatencyHistogram::highest_in(std::size_t index) {
  if (index < kLinearLimit) return static_cast<std::int64_t>(index);
  const std::size_t shift = (index - kLinearLimit) / kHalf + 1;
  return lowest_in(index) + (std::int64_t{1} << shift) - 1;
}

std::int64_t LatencyHistogram::percentile_ns(double percent) const {
  if (count_ == 0) return 0;
  const double p = std::clamp(percent, 0.0, 100.0);
  // Nearest rank: the smallest value with at least p % of the values at or below it.
  const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_))));
  // The ends are known exactly.
  if (rank == 1 && p == 0) return min_ns_;
  if (rank >= count_) return max_ns_;
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      const std::int64_t mid = lowest_in(i) + (highest_in(i) - lowest_in(i)) / 2;
      return std::clamp(mid, min_ns_, max_ns_);
    }
  }
  return max_ns_;
}

}  // namespace lh::load
