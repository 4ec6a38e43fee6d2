#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

#include "chart/axis_ticks.h"

using lh::chart::nice_scale;
using lh::chart::ticks_in;
using lh::chart::time_tick_step;

TEST_CASE("time ticks fall on steps people count in") {
  CHECK(time_tick_step(10, 10) == 1);
  CHECK(time_tick_step(60, 10) == 10);
  CHECK(time_tick_step(60, 5) == 15);
  CHECK(time_tick_step(3600, 8) == 600);
  CHECK(time_tick_step(86400, 8) == 3 * 3600 + 0.0);
  CHECK(time_tick_step(86400 * 3, 10) == 12 * 3600);
  CHECK(time_tick_step(86400 * 365, 10) == 6 * 7 * 86400 + 0.0);
  CHECK(time_tick_step(100, 0) == 120);  // at least one tick
  for (double span : {7.0, 95.0, 1000.0, 40000.0, 1e6}) {
    for (int max_ticks : {2, 5, 12}) {
      INFO(span << " s, " << max_ticks << " ticks");
      CHECK(span / time_tick_step(span, max_ticks) <= max_ticks);
    }
  }
}

TEST_CASE("ticks are exact multiples of the step inside the window") {
  std::vector<double> out(32);
  const auto n = ticks_in({245.5, 310}, 10, out);
  REQUIRE(n == 7);
  CHECK(out[0] == 250);
  CHECK(out[6] == 310);
  CHECK(ticks_in({0.5, 0.9}, 1, out) == 0);
  CHECK(ticks_in({0, 1000}, 1, std::span(out).first(4)) == 4);  // stops when out is full
}

TEST_CASE("value scales round outwards to a nice step") {
  auto s = nice_scale(3.2, 97.1, 5);
  CHECK(s.min == 0);
  CHECK(s.max == 100);
  CHECK(s.step == 20);
  CHECK(s.decimals == 0);

  s = nice_scale(0.12, 0.93, 4);
  CHECK(s.min == Approx(0));
  CHECK(s.max == Approx(1));
  CHECK(s.step == Approx(0.25));
  CHECK(s.decimals == 2);

  s = nice_scale(-7, 13, 8);
  CHECK(s.min <= -7);
  CHECK(s.max >= 13);
  CHECK((s.max - s.min) / s.step <= 8 + 1e-9);
}

TEST_CASE("a flat or absent range still gets a usable scale") {
  auto s = nice_scale(512, 512, 5);
  CHECK(s.min < 512);
  CHECK(s.max > 512);
  s = nice_scale(0, 0, 5);
  CHECK(s.min < 0);
  CHECK(s.max > 0);
  s = nice_scale(NAN, 3, 5);
  CHECK(s.min == 0);
  CHECK(s.max == 1);
}

TEST_CASE("scales never exceed their tick budget") {
  for (double lo : {-1e6, -3.0, 0.0, 0.001, 17.0}) {
    for (double width : {1e-3, 0.7, 42.0, 9999.0, 3e8}) {
      for (int ticks : {1, 3, 6, 10}) {
        const auto s = nice_scale(lo, lo + width, ticks);
        INFO(lo << " + " << width << " in " << ticks);
        CHECK(s.min <= lo);
        CHECK(s.max >= lo + width);
        CHECK((s.max - s.min) / s.step <= std::max(2, ticks) + 1e-6);
        CHECK(s.step > 0);
      }
    }
  }
}
