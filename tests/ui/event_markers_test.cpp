// A session's events as marks on the time axis, the same on the dashboard
// and in the report.
#include "charts/event_markers.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using lh::Event;
using lh::EventKind;
using namespace lh::ui::charts;

TEST_CASE("events become marks: the first stage the load entered is stage 1, a recovery is no mark") {
  const std::vector<Event> events{{0, "load", EventKind::stage, "100 connections"},
                                  {12, "svc", EventKind::unreachable, "refused"},
                                  {14, "svc", EventKind::recovered, ""},
                                  {15, "svc", EventKind::restart, "pid 7 -> 9"},
                                  {30, "load", EventKind::stage, "200 connections"},
                                  {31, "svc", EventKind::partial, "left out"},
                                  {32, "svc", EventKind::bad_response, "HTTP 500"}};
  const auto marks = event_markers(events);
  REQUIRE(marks.size() == 6);
  CHECK(marks[0].label == u"stage 1"_s);
  CHECK(marks[0].kind == MarkerKind::stage);
  CHECK(marks[1].label == u"unreachable"_s);
  CHECK(marks[1].kind == MarkerKind::fault);
  CHECK(marks[2].label == u"restart"_s);
  CHECK(marks[2].t_s == 15);
  CHECK(marks[3].label == u"stage 2"_s);
  CHECK(marks[4].kind == MarkerKind::note);
  CHECK(marks[5].label == u"bad answer"_s);

  // A live view adds events as they come: stages count on.
  const std::vector<Event> later{{60, "load", EventKind::stage, "300 connections"}};
  CHECK(event_markers(later, 2).front().label == u"stage 3"_s);
}
