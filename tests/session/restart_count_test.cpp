#include <catch2/catch.hpp>
#include <vector>

#include "session/restart_count.h"

using lh::Event;
using lh::EventKind;
using lh::session::count_restarts;
using lh::session::RestartCount;

TEST_CASE("a restart seen by two probes of the service counts once") {
  const std::vector<Event> events{
      {10, "conversion", EventKind::restart, "pid 1 -> 2"}, {10.5, "port:8002", EventKind::restart, "pid 1 -> 2"},
      {30, "conversion", EventKind::restart, "pid 2 -> 3"}, {30.2, "port:8002", EventKind::restart, "pid 2 -> 3"},
      {31, "load", EventKind::stage, "stage 2"},
  };
  CHECK(count_restarts(events) == 2);
}

TEST_CASE("restarts add up over deliveries, by the source that saw the most") {
  RestartCount restarts;
  const std::vector<Event> first{{1, "a", EventKind::restart, ""}};
  const std::vector<Event> second{{2, "b", EventKind::restart, ""}, {3, "a", EventKind::restart, ""}};
  restarts.add(first);
  CHECK(restarts.count() == 1);
  restarts.add(second);
  CHECK(restarts.count() == 2);
  CHECK(count_restarts({}) == 0);
}
