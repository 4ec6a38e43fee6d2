// The demo scenario, resolved, against the demo target itself: its
// requests are accepted, and the series it watches and charts exist. (The
// session runs plans; this checks only that resolving makes one that works.)
#include <catch2/catch.hpp>
#include <thread>

#include "demo_target.h"
#include "load/load_engine.h"
#include "probe/sampler.h"
#include "scenario/resolve.h"

using namespace lh::scenario;

TEST_CASE("the demo scenario's requests are accepted and its series are there") {
  lh::test::DemoTarget target;
  ResolveOptions options;
  options.target = target.url();
  options.duration = "2s";
  const auto plan = load_session_plan(std::filesystem::path(LH_SOURCE_DIR) / "resources/scenarios/demo-target.leakhound.json",
                                      options);

  lh::SessionClock clock;
  lh::probe::SeriesStore store;
  lh::probe::Sampler sampler(plan.probes, clock, store);
  lh::load::LoadEngine engine(*plan.load, clock);
  sampler.start();
  engine.start();
  REQUIRE(engine.wait_for(std::chrono::seconds(20)));
  // A sample or two after the load, so every source answered at least once.
  for (int i = 0; i < 50 && sampler.ticks() < 3; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  sampler.stop();

  const auto totals = engine.snapshot().totals;
  CHECK(totals.completed >= 20);
  CHECK(totals.non_2xx == 0);
  CHECK(totals.status[200] == totals.completed);

  REQUIRE(store.watched_memory());
  CHECK(store.series(*store.watched_memory()).metric == plan.probes.watch);
  for (const auto& name : plan.report.series) {
    bool found = false;
    for (std::size_t id = 0; id < store.series_count(); ++id) {
      const auto& s = store.series(static_cast<lh::probe::SeriesId>(id));
      found = found || s.name == name || s.metric == name;
    }
    INFO(name);
    CHECK(found);
  }
}
