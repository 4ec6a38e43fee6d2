#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace lh::load {

// Request latencies, HdrHistogram-style: values below 256 ns are counted
// exactly; above, every power of two is split into 128 linear sub-buckets,
// so a bucket is at most 1/128 of its value wide and a reported value (the
// bucket's midpoint) is within 0.4 % of what was recorded. That holds from
// 1 ns to 2^43 ns (about 2.4 h) in a fixed 4,736 counters (37 KiB), whatever
// the run's length; larger values are clamped to the top bucket. Two
// histograms merge by adding counters, so threads record into their own and
// readers merge.
class LatencyHistogram {
 public:
  static constexpr int kSubBucketBits = 7;  // 128 sub-buckets per octave
  static constexpr int kTopExponent = 42;   // the last octave is [2^42, 2^43)
  static constexpr std::int64_t kMaxTrackableNs = (std::int64_t{1} << (kTopExponent + 1)) - 1;
  static constexpr std::size_t kBucketCount =
      (std::size_t{1} << (kSubBucketBits + 1)) + (kTopExponent - kSubBucketBits) * (std::size_t{1} << kSubBucketBits);

  LatencyHistogram();

  void record_ns(std::int64_t ns) {
    const std::int64_t v = ns < 0 ? 0 : (ns > kMaxTrackableNs ? kMaxTrackableNs : ns);
    ++counts_[index_of(v)];
    ++count_;
    sum_ns_ += static_cast<double>(v);
    if (v < min_ns_) min_ns_ = v;
    if (v > max_ns_) max_ns_ = v;
  }
  void record(std::chrono::nanoseconds latency) { record_ns(latency.count()); }

  void merge(const LatencyHistogram& other);
  void reset();

  std::uint64_t count() const { return count_; }
  // 0 when nothing was recorded.
  std::int64_t min_ns() const { return count_ ? min_ns_ : 0; }
  std::int64_t max_ns() const { return max_ns_; }
  double mean_ns() const { return count_ ? sum_ns_ / static_cast<double>(count_) : 0.0; }
  // The value below which `percent` % of the recorded values lie (the
  // nearest-rank definition), as its bucket's midpoint clamped to the exact
  // min and max (p0 and p100 are the exact min and max); 0 when nothing
  // was recorded.
  std::int64_t percentile_ns(double percent) const;

  // Bucket arithmetic, public for the tests that check the error bound.
  static std::size_t index_of(std::int64_t value_ns) {
    const auto v = static_cast<std::uint64_t>(value_ns);
    constexpr std::uint64_t kLinearLimit = std::uint64_t{1} << (kSubBucketBits + 1);
    if (v < kLinearLimit) return static_cast<std::size_t>(v);
    const int exponent = 63 - __builtin_clzll(v);  // >= kSubBucketBits + 1
    const int shift = exponent - kSubBucketBits;
    const std::uint64_t sub = (v >> shift) - (std::uint64_t{1} << kSubBucketBits);
    return static_cast<std::size_t>(kLinearLimit + static_cast<std::uint64_t>(shift - 1) * (kLinearLimit / 2) + sub);
  }
  static std::int64_t lowest_in(std::size_t index);
  static std::int64_t highest_in(std::size_t index);

 private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  double sum_ns_ = 0;
  std::int64_t min_ns_ = kMaxTrackableNs;
  std::int64_t max_ns_ = 0;
};

}  // namespace lh::load
