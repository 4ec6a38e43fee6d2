#pragma once

#include "chart/time_window.h"

namespace lh::chart {

// Which part of the timeline a chart shows, and whether it keeps up with
// new data. No Qt: the widget turns wheel, drag and keys into these calls.
//
// - whole_run: everything from the start to the latest sample (at least
//   `initial_span_s`, so a fresh run does not stretch its first seconds);
// - follow: a window of fixed width ending at the latest sample;
// - fixed: where the user put it; new data does not move it.
// Zooming, panning and showing a time fix the window; reset() returns to
// whole_run.
class TimeViewport {
 public:
  enum class Mode { whole_run, follow, fixed };

  explicit TimeViewport(double min_span_s = 5, double initial_span_s = 60);

  // How far the data reaches. In whole_run and follow modes the window
  // moves with it; a fixed window stays where it is.
  void set_data_extent(double first_s, double last_s);

  TimeWindow window() const { return window_; }
  Mode mode() const { return mode_; }
  bool follows() const { return mode_ != Mode::fixed; }

  // factor < 1 zooms in, > 1 out; the time under `anchor_s` stays put.
  void zoom(double factor, double anchor_s);
  // Moves the window by delta_s (negative: back in time).
  void pan(double delta_s);
  // Centres t_s, keeping the window's width.
  void show_time(double t_s);
  void show_range(TimeWindow range);
  // Keeps the current width and slides along with the latest sample.
  void follow();
  // Back to the whole run, following new data.
  void reset();

 private:
  TimeWindow timeline() const;
  void fix(TimeWindow wanted);
  void update_window();

  double min_span_s_;
  double initial_span_s_;
  double first_s_ = 0;
  double last_s_ = 0;
  Mode mode_ = Mode::whole_run;
  TimeWindow window_;
};

}  // namespace lh::chart
