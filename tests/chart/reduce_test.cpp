#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "chart/reduce.h"
#include "reduction_checks.h"

using lh::chart::column_of;
using lh::chart::Point;
using lh::chart::reduce_m4;
using lh::chart::reduced_capacity;
using lh::chart::TimeWindow;
using lh::chart::test::count_gap_markers;
using lh::chart::test::require_faithful_reduction;
using lh::chart::test::Series;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<Point> reduce(const Series& s, TimeWindow window, std::size_t columns) {
  std::vector<Point> out(reduced_capacity(columns));
  const auto written = reduce_m4(s.t, s.v, window, columns, out);
  return {written.begin(), written.end()};
}

// Samples every `dt` seconds from 0, values from `value(i)`.
template <typename F>
Series sampled(std::size_t n, double dt, F value) {
  Series s;
  s.t.reserve(n);
  s.v.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    s.t.push_back(static_cast<double>(i) * dt);
    s.v.push_back(value(i));
  }
  return s;
}

Series noise(std::size_t n, double dt, unsigned seed, double gap_probability = 0) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> step(0, 1);
  std::uniform_real_distribution<double> coin(0, 1);
  double level = 100;
  return sampled(n, dt, [&](std::size_t) {
    level += step(rng);
    return coin(rng) < gap_probability ? kNaN : level;
  });
}

}  // namespace

TEST_CASE("a lone spike survives any zoom level") {
  Series s = sampled(100'000, 0.01, [](std::size_t i) { return i == 54'321 ? 900.0 : 100.0 + (i % 7); });
  for (std::size_t columns : {1u, 3u, 50u, 800u, 4000u}) {
    INFO(columns << " columns");
    const auto out = reduce(s, {0, 1000}, columns);
    CHECK(std::any_of(out.begin(), out.end(), [](Point p) { return p.value == 900.0 && p.t_s == 543.21; }));
    require_faithful_reduction(s, {0, 1000}, columns, out);
  }
}

TEST_CASE("every column keeps its first, minimum, maximum and last sample") {
  for (unsigned seed : {1u, 2u, 3u}) {
    const Series s = noise(20'000, 0.5, seed);
    for (TimeWindow window : {TimeWindow{0, 10'000}, TimeWindow{1234.5, 5678.25}, TimeWindow{-50, 3000}}) {
      for (std::size_t columns : {1u, 7u, 640u, 1920u}) {
        INFO("seed " << seed << ", window " << window.begin_s << "…" << window.end_s << ", " << columns << " columns");
        const auto out = reduce(s, window, columns);
        require_faithful_reduction(s, window, columns, out);
        // Without gaps: at most four points per column and one per edge.
        CHECK(out.size() <= 4 * columns + 2);
      }
    }
  }
}

TEST_CASE("a window narrower than the data starts and ends just outside it") {
  const Series s = sampled(1000, 1.0, [](std::size_t i) { return static_cast<double>(i); });
  const auto out = reduce(s, {100.5, 200.5}, 10);
  REQUIRE(out.size() >= 2);
  CHECK(out.front().t_s == 100.0);  // the last sample before the window
  CHECK(out.back().t_s == 201.0);   // the first sample after it
  CHECK(std::count_if(out.begin(), out.end(), [](Point p) { return p.t_s < 100.5 || p.t_s > 200.5; }) == 2);
}

TEST_CASE("samples on the window's edges belong to it, not outside it") {
  const Series s = sampled(11, 1.0, [](std::size_t i) { return static_cast<double>(i * i); });
  const auto out = reduce(s, {2, 8}, 6);
  REQUIRE(!out.empty());
  CHECK(out.front().t_s == 1.0);
  CHECK(out.back().t_s == 9.0);
  CHECK(std::any_of(out.begin(), out.end(), [](Point p) { return p.t_s == 2.0; }));
  CHECK(std::any_of(out.begin(), out.end(), [](Point p) { return p.t_s == 8.0; }));
  CHECK(column_of(8.0, {2, 8}, 6) == 5);  // the window's end is in the last column
  CHECK(column_of(2.0, {2, 8}, 6) == 0);
}

TEST_CASE("a window reaching past the data holds what there is") {
  const Series s = sampled(100, 1.0, [](std::size_t i) { return std::sin(static_cast<double>(i)); });
  SECTION("partly before the start") {
    const auto out = reduce(s, {-50, 20}, 35);
    REQUIRE(!out.empty());
    CHECK(out.front().t_s == 0.0);
    CHECK(out.back().t_s == 21.0);
    require_faithful_reduction(s, {-50, 20}, 35, out);
  }
  SECTION("partly after the end") {
    const auto out = reduce(s, {80, 200}, 60);
    REQUIRE(!out.empty());
    CHECK(out.front().t_s == 79.0);
    CHECK(out.back().t_s == 99.0);
    require_faithful_reduction(s, {80, 200}, 60, out);
  }
  SECTION("all of it, with room on both sides") {
    const auto out = reduce(s, {-10, 110}, 1000);
    CHECK(out.size() == 100);  // more columns than samples: every sample, once
    require_faithful_reduction(s, {-10, 110}, 1000, out);
  }
  SECTION("entirely before the data: only the first sample, for the line to the border") {
    const auto out = reduce(s, {-100, -10}, 30);
    REQUIRE(out.size() == 1);
    CHECK(out[0].t_s == 0.0);
  }
  SECTION("entirely after the data: only the last sample") {
    const auto out = reduce(s, {500, 600}, 30);
    REQUIRE(out.size() == 1);
    CHECK(out[0].t_s == 99.0);
  }
}

TEST_CASE("empty and single-sample series") {
  CHECK(reduce(Series{}, {0, 10}, 100).empty());
  const Series one{{5.0}, {42.0}};
  for (TimeWindow window : {TimeWindow{0, 10}, TimeWindow{6, 10}, TimeWindow{0, 4}, TimeWindow{5, 5.5}}) {
    const auto out = reduce(one, window, 100);
    REQUIRE(out.size() == 1);
    CHECK(out[0].t_s == 5.0);
    CHECK(out[0].value == 42.0);
  }
  const Series lone_gap{{5.0}, {kNaN}};
  CHECK(reduce(lone_gap, {0, 10}, 100).empty());
}

TEST_CASE("samples sharing a timestamp are all considered") {
  const Series s{{0, 1, 1, 1, 1, 2}, {5, 3, 9, -4, 6, 5}};
  const auto out = reduce(s, {0, 2}, 2);
  require_faithful_reduction(s, {0, 2}, 2, out);
  CHECK(std::any_of(out.begin(), out.end(), [](Point p) { return p.value == 9; }));
  CHECK(std::any_of(out.begin(), out.end(), [](Point p) { return p.value == -4; }));
}

TEST_CASE("a gap spanning columns stays one gap") {
  Series s = sampled(1000, 1.0, [](std::size_t i) { return i >= 300 && i < 500 ? kNaN : 10.0 + (i % 3); });
  const auto out = reduce(s, {0, 999}, 100);
  CHECK(count_gap_markers(out) == 1);
  require_faithful_reduction(s, {0, 999}, 100, out);
  const auto marker = std::find_if(out.begin(), out.end(), [](Point p) { return std::isnan(p.value); });
  REQUIRE(marker != out.end());
  CHECK(marker->t_s == 300.0);  // where the gap begins
  CHECK((marker - 1)->t_s == 299.0);
  CHECK((marker + 1)->t_s == 500.0);
}

TEST_CASE("a gap narrower than a column still breaks the line") {
  Series s = sampled(1000, 1.0, [](std::size_t i) { return i == 505 ? kNaN : static_cast<double>(i); });
  const auto out = reduce(s, {0, 1000}, 10);  // 100 samples per column
  CHECK(count_gap_markers(out) == 1);
  require_faithful_reduction(s, {0, 1000}, 10, out);
}

TEST_CASE("gaps at the window's edges, and outside it, break the line where they are") {
  Series s = sampled(100, 1.0, [](std::size_t i) { return i < 10 || i >= 90 ? kNaN : 1.0; });
  SECTION("leading and trailing gaps leave no marker: there is no line to break") {
    const auto out = reduce(s, {0, 99}, 20);
    CHECK(count_gap_markers(out) == 0);
    CHECK(out.front().t_s == 10.0);
    CHECK(out.back().t_s == 89.0);
  }
  SECTION("a gap between the edge sample and the window") {
    s.v[20] = kNaN;
    const auto out = reduce(s, {21, 50}, 10);
    CHECK(out.front().t_s == 21.0);  // the edge sample is the gap: nothing to join to
    CHECK(count_gap_markers(out) == 0);
    s.v[20] = 1.0;
    s.v[21] = kNaN;
    const auto out2 = reduce(s, {21, 50}, 10);
    CHECK(out2.front().t_s == 20.0);
    CHECK(count_gap_markers(out2) == 1);
    require_faithful_reduction(s, {21, 50}, 10, out2);
  }
}

TEST_CASE("islands between gaps in one column stay apart from the runs around them") {
  auto values = [](const std::vector<Point>& points) {
    std::vector<double> v;
    for (Point p : points) v.push_back(std::isnan(p.value) ? -999 : p.value);
    return v;
  };
  const Series three_runs{{0, 1, 2, 3, 4, 5, 6}, {1, 2, kNaN, 9, kNaN, 3, 4}};
  CHECK(values(reduce(three_runs, {0, 6}, 1)) == std::vector<double>{1, 2, -999, 9, -999, 3, 4});
  // Islands merge into their minimum and maximum, in time order.
  const Series four_runs{{0, 1, 2, 3, 4, 5, 6}, {1, kNaN, 5, kNaN, -5, kNaN, 2}};
  CHECK(values(reduce(four_runs, {0, 6}, 1)) == std::vector<double>{1, -999, 5, -5, -999, 2});
}

TEST_CASE("many gaps in one column are bounded and keep the column's extremes") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> value(0, 1000);
  // Alternating sample and gap: the worst case for a reduction.
  Series s = sampled(200'000, 0.001, [&](std::size_t i) { return i % 2 ? kNaN : value(rng); });
  for (std::size_t columns : {1u, 10u, 333u}) {
    INFO(columns << " columns");
    const auto out = reduce(s, {0, 200}, columns);
    CHECK(out.size() <= lh::chart::kMaxPointsPerColumn * columns + 3);
    require_faithful_reduction(s, {0, 200}, columns, out);
  }
}

TEST_CASE("random gaps at random windows reduce faithfully") {
  for (unsigned seed : {11u, 12u, 13u, 14u}) {
    const Series s = noise(30'000, 0.25, seed, 0.02);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> at(-200, 7700);
    for (int round = 0; round < 20; ++round) {
      double a = at(rng), b = at(rng);
      if (a == b) continue;
      const TimeWindow window{std::min(a, b), std::max(a, b)};
      const std::size_t columns = 1 + static_cast<std::size_t>(rng() % 1500);
      INFO("seed " << seed << ", window " << window.begin_s << "…" << window.end_s << ", " << columns << " columns");
      require_faithful_reduction(s, window, columns, reduce(s, window, columns));
    }
  }
}

TEST_CASE("millions of samples reduce to a few per column") {
  const Series s = noise(4'000'000, 0.001, 99);
  const auto out = reduce(s, {0, 4000}, 1920);
  CHECK(out.size() <= 4 * 1920);
  CHECK(out.size() >= 2 * 1920);  // a noisy column has a distinct min and max
  require_faithful_reduction(s, {0, 4000}, 1920, out);
}

TEST_CASE("misuse is refused before anything is written") {
  const Series s = sampled(10, 1.0, [](std::size_t) { return 1.0; });
  std::vector<Point> out(reduced_capacity(10));
  CHECK_THROWS_AS(reduce_m4(s.t, std::span(s.v).first(9), {0, 10}, 10, out), std::invalid_argument);
  CHECK_THROWS_AS(reduce_m4(s.t, s.v, {5, 5}, 10, out), std::invalid_argument);
  CHECK_THROWS_AS(reduce_m4(s.t, s.v, {0, 10}, 0, out), std::invalid_argument);
  CHECK_THROWS_AS(reduce_m4(s.t, s.v, {0, 10}, 11, out), std::length_error);
  CHECK_NOTHROW(reduce_m4(s.t, s.v, {0, 10}, 10, out));
}
