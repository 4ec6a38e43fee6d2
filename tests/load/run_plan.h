#pragma once

#include <catch2/catch.hpp>
#include <chrono>

#include "common/clock.h"
#include "load/load_engine.h"
#include "load_plans.h"

namespace lh::test {

// Runs a plan to its end (bounded: fails the test after `limit`).
inline load::LoadSnapshot run_plan(const load::LoadPlan& plan, std::chrono::seconds limit = std::chrono::seconds(60)) {
  SessionClock clock;
  load::LoadEngine engine(plan, clock);
  engine.start();
  REQUIRE(engine.wait_for(limit));
  return engine.snapshot();
}

inline std::uint64_t failures(const load::LoadSnapshot& s, load::FailureCause cause) {
  return s.totals.failures[static_cast<std::size_t>(cause)];
}

}  // namespace lh::test
