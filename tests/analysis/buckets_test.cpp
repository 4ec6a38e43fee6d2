// Buckets: floors, doubling widths, segments at restarts and gaps.
#include "analysis/buckets.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace lh::analysis;

TEST_CASE("a bucket keeps the floor of its samples: GC sawtooth and spikes sit above it") {
  AnalysisParameters p;
  p.base_bucket_s = 10;
  BucketedSeries b(p, true);
  for (int i = 0; i < 30; ++i) b.add(i, 100 + (i % 10) + (i == 15 ? 50 : 0));
  REQUIRE(b.segments().size() == 1);
  const auto& buckets = b.segments()[0].buckets;
  REQUIRE(buckets.size() == 3);
  for (const auto& bucket : buckets) {
    CHECK(bucket.floor == 100);
    CHECK(bucket.count == 10);
  }
  CHECK(buckets[1].t() == Approx(14.5));
}

TEST_CASE("buckets double in width past the limit, the same as if built at that width") {
  AnalysisParameters p;
  p.max_buckets = 16;
  BucketedSeries grown(p, true);
  for (int i = 0; i < 1000; ++i) grown.add(i * 0.7, std::sin(i * 0.1) * 10 + i * 0.01);
  CHECK(grown.segments()[0].buckets.size() <= 16);
  AnalysisParameters wide = p;
  wide.base_bucket_s = grown.bucket_width();
  wide.max_buckets = 1000;
  BucketedSeries direct(wide, true);
  for (int i = 0; i < 1000; ++i) direct.add(i * 0.7, std::sin(i * 0.1) * 10 + i * 0.01);
  const auto& a = grown.segments()[0].buckets;
  const auto& d = direct.segments()[0].buckets;
  REQUIRE(a.size() == d.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].floor == d[i].floor);
    CHECK(a[i].count == d[i].count);
  }
}

TEST_CASE("restarts start segments, long gaps are noted: NaN and out-of-order samples do not count") {
  BucketedSeries b(AnalysisParameters{}, true);
  for (int i = 0; i < 20; ++i) b.add(i, 1);
  b.add(19.5, std::nan(""));
  b.add(10, 5);  // earlier than the last sample: dropped
  b.restart();
  for (int i = 20; i < 40; ++i) b.add(i, 2);
  for (int i = 100; i < 120; ++i) b.add(i, 3);  // 61 s without samples: more than 30 s
  REQUIRE(b.segments().size() == 2);
  CHECK(b.segments()[0].cause == SegmentCause::first);
  CHECK(b.segments()[1].cause == SegmentCause::restart);
  REQUIRE(b.gaps().size() == 1);
  CHECK(b.gaps()[0].from_s == 39);
  CHECK(b.gaps()[0].to_s == 100);
  CHECK(b.segments()[0].samples == 20);
  CHECK(b.dropped() == 1);
}

TEST_CASE("a gap is measured against the typical interval when samples are sparse") {
  BucketedSeries b(AnalysisParameters{}, true);
  for (int i = 0; i < 20; ++i) b.add(i * 10.0, 1);  // every 10 s: a gap is over 100 s
  b.add(190 + 60, 1);
  CHECK(b.gaps().empty());
  b.add(250 + 101, 1);
  CHECK(b.gaps().size() == 1);
  CHECK(b.segments().size() == 1);
}
