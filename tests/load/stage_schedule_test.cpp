// Stages and arrivals: what a staged run aims at, and when its arrivals are due.
#include <catch2/catch.hpp>

#include "load/stage_schedule.h"

using lh::Seconds;
using lh::load::Stage;
using lh::load::StageSchedule;

TEST_CASE("without stages the value is constant and arrivals are evenly spaced") {
  StageSchedule s(200, {});
  CHECK(s.value_at(0) == 200);
  CHECK(s.value_at(1e6) == 200);
  CHECK(s.stage_at(5) == 0);
  CHECK(s.end_s() == 0);
  CHECK(s.time_of_arrival(0) == 0);
  CHECK(s.time_of_arrival(1) == Approx(0.005));
  CHECK(s.time_of_arrival(1000) == Approx(5.0));
  CHECK(s.arrivals_by(5.0) == Approx(1000));
}

TEST_CASE("stages ramp linearly, then hold the last target") {
  StageSchedule s(10, {Stage{Seconds(10), 110}, Stage{Seconds(5), 110}, Stage{Seconds(10), 0}});
  CHECK(s.end_s() == 25);
  CHECK(s.value_at(0) == 10);
  CHECK(s.value_at(5) == Approx(60));
  CHECK(s.value_at(12) == Approx(110));
  CHECK(s.value_at(20) == Approx(55));
  CHECK(s.value_at(30) == 0);
  CHECK(s.stage_at(0) == 0);
  CHECK(s.stage_at(10) == 1);
  CHECK(s.stage_at(15) == 2);
  CHECK(s.stage_at(25) == 3);
  CHECK(s.describe(0, "requests/s") == "stage 1/3: 10 → 110 requests/s over 10s");
}

TEST_CASE("arrival times invert the integral of the rate, ramps included") {
  StageSchedule s(0, {Stage{Seconds(10), 100}, Stage{Seconds(10), 100}, Stage{Seconds(10), 20}});
  CHECK(s.arrivals_by(10) == Approx(500));   // a ramp from 0 to 100 over 10 s
  CHECK(s.arrivals_by(20) == Approx(1500));  // then 100/s for 10 s
  CHECK(s.arrivals_by(30) == Approx(2100));  // then down to 20/s
  for (double n : {1.0, 10.0, 250.0, 499.0, 500.0, 900.0, 1500.0, 1800.0, 2099.0}) {
    const double t = s.time_of_arrival(n);
    CHECK(s.arrivals_by(t) == Approx(n).epsilon(1e-9));
  }
  // After the last stage the rate holds at 20/s.
  CHECK(s.time_of_arrival(2120) == Approx(31));
  // A rate that ends at 0 never gets further.
  StageSchedule to_zero(10, {Stage{Seconds(2), 0}});
  CHECK(to_zero.arrivals_by(100) == Approx(10));
  CHECK(std::isinf(to_zero.time_of_arrival(11)));
}
