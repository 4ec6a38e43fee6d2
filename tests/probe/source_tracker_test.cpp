// Restarts and faults as events: one per change, never one per tick.
#include <catch2/catch.hpp>

#include "probe/restart_detector.h"
#include "probe/source_tracker.h"

using namespace lh::probe;
using lh::EventKind;
using Catch::Matchers::Contains;

namespace {

SourceSample good(std::optional<std::string> pid, double rss_mb, std::optional<double> uptime = std::nullopt) {
  SourceSample s;
  s.metrics.push_back({"memory.rss_mb", rss_mb, std::nullopt});
  s.identity.pid = std::move(pid);
  s.identity.uptime_s = uptime;
  return s;
}

std::vector<EventKind> kinds(const std::vector<lh::Event>& events) {
  std::vector<EventKind> out;
  for (const auto& e : events) out.push_back(e.kind);
  return out;
}

}  // namespace

TEST_CASE("a new pid, start time, version or an uptime going back is a restart") {
  RestartDetector d;
  Identity a;
  a.pid = "10";
  a.uptime_s = 50;
  CHECK_FALSE(d.check(a, 100, false));
  a.uptime_s = 51;
  CHECK_FALSE(d.check(a, 100, false));
  a.pid = "11";
  CHECK(d.check(a, 100, false) == "pid 10 -> 11");
  a.uptime_s = 2;
  CHECK(d.check(a, 100, false) == "uptime went back from 51 s to 2 s");
  a.uptime_s = 1.5;  // rounding wobble, not a restart
  CHECK_FALSE(d.check(a, 100, false));

  RestartDetector s;
  Identity b;
  b.start_s = 1700000000.2;
  CHECK_FALSE(s.check(b, std::nullopt, false));
  b.start_s = 1700000000.7;
  CHECK_FALSE(s.check(b, std::nullopt, false));
  b.start_s = 1700000100;
  CHECK_THAT(*s.check(b, std::nullopt, false), Contains("start time"));
  b.version = "1.0";
  CHECK_FALSE(s.check(b, std::nullopt, false));
  b.version = "1.1";
  CHECK(s.check(b, std::nullopt, false) == "version 1.0 -> 1.1");
}

TEST_CASE("coming back after a fault with much less memory is a restart") {
  RestartDetector d;
  CHECK_FALSE(d.check({}, 900, false));
  CHECK_FALSE(d.check({}, 400, false));  // a drop while answering: GC, a cache cleared
  CHECK_FALSE(d.check({}, 350, true));   // back after a fault, not much lower
  CHECK(d.check({}, 100, true) == "came back with 100 MiB after 350 MiB");
}

TEST_CASE("a fault is one event, its end one more, whatever it lasts") {
  SourceTracker t("svc");
  CHECK(t.update(0, good("1", 100)).empty());
  const auto down = t.update(1, SourceSample::failed(EventKind::unreachable, "connection refused"));
  REQUIRE(down.size() == 1);
  CHECK(down[0].kind == EventKind::unreachable);
  CHECK(down[0].source == "svc");
  CHECK(down[0].detail == "connection refused");
  CHECK(down[0].t_s == 1);
  for (int i = 2; i < 10; ++i) CHECK(t.update(i, SourceSample::failed(EventKind::unreachable, "no answer within 1s")).empty());
  // Another kind of fault is worth saying.
  CHECK(kinds(t.update(10, SourceSample::failed(EventKind::bad_response, "HTTP 502"))) == std::vector{EventKind::bad_response});
  CHECK(t.failing());
  const auto back = t.update(12, good("1", 101));
  REQUIRE(back.size() == 1);
  CHECK(back[0].kind == EventKind::recovered);
  CHECK(back[0].detail == "answers again after 11s (was: HTTP 502)");
  CHECK_FALSE(t.failing());
}

TEST_CASE("a restart through an outage is one restart event after the recovery") {
  SourceTracker t("svc");
  t.update(0, good("1", 800, 100));
  t.update(1, SourceSample::failed(EventKind::unreachable, "connection refused"));
  // New pid and much less memory and uptime back at 0: still one restart.
  const auto events = t.update(2, good("2", 50, 0.2));
  CHECK(kinds(events) == std::vector{EventKind::recovered, EventKind::restart});
  CHECK(events[1].detail == "pid 1 -> 2");

  // Without identity, the memory drop says it.
  SourceTracker anonymous("seg");
  anonymous.update(0, good(std::nullopt, 800));
  anonymous.update(1, SourceSample::failed(EventKind::unreachable, "connection refused"));
  const auto back = anonymous.update(2, good(std::nullopt, 40));
  CHECK(kinds(back) == std::vector{EventKind::recovered, EventKind::restart});
  CHECK(back[1].detail == "came back with 40 MiB after 800 MiB");
}

TEST_CASE("an answer read in part is one event when it begins, not one a tick") {
  SourceTracker t("svc");
  auto partial = [](std::vector<ReadNote> notes) {
    SourceSample s = good("1", 100);
    s.notes = std::move(notes);
    return s;
  };
  const ReadNote cap{"max_metrics_per_source", "limit max_metrics_per_source (1000) reached: 5 of 1005 numbers left out"};
  const ReadNote lines{"skipped_lines", "Prometheus text: 1 line skipped"};
  const auto first = t.update(1, partial({cap}));
  REQUIRE(first.size() == 1);
  CHECK(first[0].kind == EventKind::partial);
  CHECK(first[0].detail == cap.detail);
  CHECK(t.update(2, partial({cap})).empty());
  CHECK(kinds(t.update(3, partial({cap, lines}))) == std::vector{EventKind::partial});  // a new note only
  CHECK(t.update(4, partial({lines})).empty());
  CHECK(kinds(t.update(5, partial({cap, lines}))) == std::vector{EventKind::partial});  // the cap again
  // After a fault, the next answer in part is told again.
  CHECK(kinds(t.update(6, SourceSample::failed(EventKind::unreachable, "refused"))) == std::vector{EventKind::unreachable});
  CHECK(kinds(t.update(7, partial({cap}))) == std::vector{EventKind::recovered, EventKind::partial});
}
