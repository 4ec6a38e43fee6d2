// The step and the requests of a range read after the fact.
#include <catch2/catch.hpp>

#include "probe/prom_range.h"

using namespace lh::probe;

TEST_CASE("the step is the wanted one while the range holds few enough points") {
  const auto plan = plan_range(1000, 1000 + 3600, 15);
  CHECK(plan.step_s == 15);
  CHECK(plan.points == 241);  // both ends
  REQUIRE(plan.chunks.size() == 1);
  CHECK(plan.chunks[0].start_s == 1000);
  CHECK(plan.chunks[0].end_s == 4600);
}

TEST_CASE("a range too long for the wanted step gets Grafana's next step up") {
  // 30 days at 1 s would be 2.6 M points; at most 100,000 → 25.92 s → 30 s.
  const auto plan = plan_range(0, 30 * 86400, 1);
  CHECK(plan.step_s == 30);
  CHECK(plan.points == 86401);
  CHECK(plan.points <= 100000);
  CHECK(round_step_up(0.7) == 1);
  CHECK(round_step_up(1) == 1);
  CHECK(round_step_up(11) == 15);
  CHECK(round_step_up(61) == 120);
  CHECK(round_step_up(86401) == 604800);
}

TEST_CASE("the range is split into requests of at most 11,000 points, back to back") {
  const auto plan = plan_range(100, 100 + 30000, 1);  // 30,001 points
  CHECK(plan.step_s == 1);
  CHECK(plan.points == 30001);
  REQUIRE(plan.chunks.size() == 3);
  std::size_t total = 0;
  double next = 100;
  for (const auto& c : plan.chunks) {
    CHECK(c.start_s == next);
    const auto points = static_cast<std::size_t>(c.end_s - c.start_s) + 1;
    CHECK(points <= kPromMaxPointsPerRequest);
    total += points;
    next = c.end_s + 1;
  }
  CHECK(total == plan.points);
  CHECK(plan.chunks.back().end_s == 30100);
}

TEST_CASE("a chunk is halved at a step, and one point stays whole") {
  const auto parts = halves({0, 90}, 10);  // 10 points
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].start_s == 0);
  CHECK(parts[0].end_s == 40);
  CHECK(parts[1].start_s == 50);
  CHECK(parts[1].end_s == 90);
  CHECK(halves({5, 5}, 10).size() == 1);
}
