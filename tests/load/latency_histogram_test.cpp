// The latency histogram: its error bound over the whole range it promises,
// merging, and what it does with values at and beyond its ends.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "load/latency_histogram.h"

using lh::load::LatencyHistogram;

namespace {

constexpr std::int64_t kMicrosecond = 1000;
constexpr std::int64_t kHour = 3600LL * 1000 * 1000 * 1000;

double relative_error(std::int64_t reported, std::int64_t actual) {
  return std::abs(static_cast<double>(reported - actual)) / static_cast<double>(actual);
}

}  // namespace

TEST_CASE("every value from 1 us to 1 h comes back within 1 %") {
  std::mt19937_64 random(42);
  // Log-uniform over the range, so every octave is tried.
  std::uniform_real_distribution<double> exponent(std::log(1.0 * kMicrosecond), std::log(1.0 * kHour));
  double worst = 0;
  for (int i = 0; i < 200000; ++i) {
    const auto value = static_cast<std::int64_t>(std::exp(exponent(random)));
    LatencyHistogram h;
    // Two values so that min/max clamping does not hide the bucket's error.
    h.record_ns(1);
    h.record_ns(value);
    h.record_ns(kHour * 2);
    worst = std::max(worst, relative_error(h.percentile_ns(50), value));
  }
  CHECK(worst <= 0.01);
  CHECK(worst > 0);  // values are bucketed, not kept
}

TEST_CASE("buckets tile the range without gaps or overlaps") {
  for (std::size_t i = 0; i + 1 < LatencyHistogram::kBucketCount; ++i) {
    REQUIRE(LatencyHistogram::highest_in(i) + 1 == LatencyHistogram::lowest_in(i + 1));
    REQUIRE(LatencyHistogram::index_of(LatencyHistogram::lowest_in(i)) == i);
    REQUIRE(LatencyHistogram::index_of(LatencyHistogram::highest_in(i)) == i);
    // Below 256 ns every value has a bucket of its own; above, a bucket is
    // at most 1/128 of its lowest value wide.
    const auto width = LatencyHistogram::highest_in(i) - LatencyHistogram::lowest_in(i) + 1;
    if (width > 1) REQUIRE(static_cast<double>(width) / static_cast<double>(LatencyHistogram::lowest_in(i)) <= 1.0 / 128);
  }
  CHECK(LatencyHistogram::highest_in(LatencyHistogram::kBucketCount - 1) == LatencyHistogram::kMaxTrackableNs);
  CHECK(LatencyHistogram::kMaxTrackableNs > kHour);
}

TEST_CASE("percentiles of a known distribution") {
  LatencyHistogram h;
  for (std::int64_t ms = 1; ms <= 1000; ++ms) h.record_ns(ms * 1000000);
  CHECK(h.count() == 1000);
  CHECK(relative_error(h.percentile_ns(50), 500 * 1000000LL) < 0.01);
  CHECK(relative_error(h.percentile_ns(90), 900 * 1000000LL) < 0.01);
  CHECK(relative_error(h.percentile_ns(99), 990 * 1000000LL) < 0.01);
  CHECK(relative_error(h.percentile_ns(99.9), 999 * 1000000LL) < 0.01);
  CHECK(h.percentile_ns(100) == 1000 * 1000000LL);  // the exact max
  CHECK(h.percentile_ns(0) == 1000000);             // the exact min
  CHECK(h.mean_ns() == Approx(500.5e6));
}

TEST_CASE("merging equals recording everything in one") {
  std::mt19937_64 random(7);
  std::lognormal_distribution<double> latency(13, 1.5);  // around 0.5 ms, with a long tail
  LatencyHistogram a, b, all;
  for (int i = 0; i < 50000; ++i) {
    const auto v = static_cast<std::int64_t>(latency(random));
    (i % 3 ? a : b).record_ns(v);
    all.record_ns(v);
  }
  LatencyHistogram merged;
  merged.merge(a);
  merged.merge(b);
  CHECK(merged.count() == all.count());
  CHECK(merged.min_ns() == all.min_ns());
  CHECK(merged.max_ns() == all.max_ns());
  CHECK(merged.mean_ns() == Approx(all.mean_ns()));
  for (double p : {1.0, 50.0, 75.0, 90.0, 99.0, 99.9, 99.99}) CHECK(merged.percentile_ns(p) == all.percentile_ns(p));
  merged.merge(LatencyHistogram{});  // merging an empty one changes nothing
  CHECK(merged.count() == all.count());
}

TEST_CASE("extreme values: zero, negative, beyond the top, and nothing at all") {
  LatencyHistogram empty;
  CHECK(empty.count() == 0);
  CHECK(empty.percentile_ns(99) == 0);
  CHECK(empty.min_ns() == 0);
  CHECK(empty.max_ns() == 0);
  CHECK(empty.mean_ns() == 0);

  LatencyHistogram h;
  h.record_ns(0);
  h.record_ns(-5);  // a clock that stepped back counts as 0, not as garbage
  CHECK(h.percentile_ns(100) == 0);
  h.record_ns(std::numeric_limits<std::int64_t>::max());
  CHECK(h.max_ns() == LatencyHistogram::kMaxTrackableNs);
  CHECK(h.percentile_ns(100) == LatencyHistogram::kMaxTrackableNs);
  h.record_ns(kHour);
  CHECK(relative_error(h.percentile_ns(75), kHour) < 0.01);
  CHECK(h.count() == 4);

  h.reset();
  CHECK(h.count() == 0);
  CHECK(h.percentile_ns(50) == 0);
  h.record(std::chrono::microseconds(1));
  CHECK(h.percentile_ns(50) == 1000);
}
