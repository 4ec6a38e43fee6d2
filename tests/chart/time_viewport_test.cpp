#include <catch2/catch.hpp>

#include "chart/time_viewport.h"

using lh::chart::TimeViewport;
using lh::chart::TimeWindow;
using Mode = TimeViewport::Mode;

TEST_CASE("a fresh viewport shows the first minute and follows") {
  TimeViewport view(5, 60);
  CHECK(view.window() == TimeWindow{0, 60});
  CHECK(view.follows());
  view.set_data_extent(0, 20);
  CHECK(view.window() == TimeWindow{0, 60});
  view.set_data_extent(0, 300);
  CHECK(view.window() == TimeWindow{0, 300});  // the whole run grows with the data
  CHECK(view.mode() == Mode::whole_run);
}

TEST_CASE("zooming and panning fix the window, and new data no longer moves it") {
  TimeViewport view(5, 60);
  view.set_data_extent(0, 1000);
  view.zoom(0.5, 1000);  // zoom in on the latest data
  CHECK(view.mode() == Mode::fixed);
  CHECK_FALSE(view.follows());
  CHECK(view.window().span() == Approx(500));
  CHECK(view.window().end_s == Approx(1000));
  view.set_data_extent(0, 2000);
  CHECK(view.window().end_s == Approx(1000));

  view.pan(-100);
  CHECK(view.window().begin_s == Approx(400));
  CHECK(view.window().end_s == Approx(900));
}

TEST_CASE("zooming keeps the time under the cursor in place") {
  TimeViewport view(5, 60);
  view.set_data_extent(0, 1000);
  view.zoom(0.25, 400);  // 400 s sits 40 % into the window
  const TimeWindow w = view.window();
  CHECK(w.span() == Approx(250));
  CHECK((400 - w.begin_s) / w.span() == Approx(0.4));
}

TEST_CASE("the window stays within the timeline and above the minimum span") {
  TimeViewport view(5, 60);
  view.set_data_extent(0, 1000);
  view.zoom(1e-6, 500);
  CHECK(view.window().span() == Approx(5));
  view.zoom(1e9, 500);
  CHECK(view.window() == TimeWindow{0, 1000});
  view.zoom(0.1, 500);
  view.pan(-1e6);
  CHECK(view.window().begin_s == Approx(0));
  view.pan(1e6);
  CHECK(view.window().end_s == Approx(1000));
}

TEST_CASE("follow keeps the chosen width at the latest sample") {
  TimeViewport view(5, 60);
  view.set_data_extent(0, 1000);
  view.zoom(0.1, 500);
  view.follow();
  CHECK(view.follows());
  CHECK(view.window().end_s == Approx(1000));
  CHECK(view.window().span() == Approx(100));
  view.set_data_extent(0, 1500);
  CHECK(view.window() == TimeWindow{1400, 1500});
  view.pan(-10);
  CHECK_FALSE(view.follows());
  view.reset();
  CHECK(view.window() == TimeWindow{0, 1500});
  CHECK(view.mode() == Mode::whole_run);
}

TEST_CASE("showing a time centres it and stops following") {
  TimeViewport view(5, 60);
  view.set_data_extent(0, 3600);
  view.zoom(0.1, 3600);
  view.follow();
  view.show_time(1800);
  CHECK_FALSE(view.follows());
  CHECK(view.window().span() == Approx(360));
  CHECK((view.window().begin_s + view.window().end_s) / 2 == Approx(1800));
  view.show_time(10);  // near the start: as close to centred as the timeline allows
  CHECK(view.window().begin_s == Approx(0));
  CHECK(view.window().contains(10));
  view.show_range({100, 160});
  CHECK(view.window() == TimeWindow{100, 160});
}

TEST_CASE("nonsense input leaves the viewport as it was") {
  TimeViewport view(5, 60);
  view.set_data_extent(0, 100);
  const TimeWindow before = view.window();
  view.set_data_extent(50, 10);
  view.zoom(-1, 5);
  view.zoom(0.5, NAN);
  view.pan(INFINITY);
  view.show_time(NAN);
  view.show_range({10, 10});
  CHECK(view.window() == before);
  CHECK(view.mode() == Mode::whole_run);
}
