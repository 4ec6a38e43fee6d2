#include "chart/time_viewport.h"

#include <algorithm>
#include <cmath>

namespace lh::chart {

TimeViewport::TimeViewport(double min_span_s, double initial_span_s)
    : min_span_s_(min_span_s), initial_span_s_(std::max(min_span_s, initial_span_s)) {
  update_window();
}

void TimeViewport::set_data_extent(double first_s, double last_s) {
  if (!std::isfinite(first_s) || !std::isfinite(last_s) || last_s < first_s) return;
  first_s_ = first_s;
  last_s_ = last_s;
  update_window();
}

// The stretch a window may move over: from the session's start (or earlier
// data) to the latest sample, never shorter than the initial span.
TimeWindow TimeViewport::timeline() const {
  const double begin = std::min(0.0, first_s_);
  return {begin, std::max(last_s_, begin + initial_span_s_)};
}

void TimeViewport::update_window() {
  const TimeWindow line = timeline();
  switch (mode_) {
    case Mode::whole_run:
      window_ = line;
      break;
    case Mode::follow: {
      const double width = std::min(window_.span(), line.span());
      window_ = {line.end_s - width, line.end_s};
      break;
    }
    case Mode::fixed:
      break;
  }
}

// Fixes the window, kept at least min_span_s wide, at most as wide as the
// timeline, and inside it, so zooming out or panning cannot lose the data.
void TimeViewport::fix(TimeWindow wanted) {
  const TimeWindow line = timeline();
  const double width = std::clamp(wanted.span(), min_span_s_, std::max(min_span_s_, line.span()));
  const double centre = (wanted.begin_s + wanted.end_s) / 2;
  const double begin = std::clamp(centre - width / 2, line.begin_s, std::max(line.begin_s, line.end_s - width));
  window_ = {begin, begin + width};
  mode_ = Mode::fixed;
}

void TimeViewport::zoom(double factor, double anchor_s) {
  if (!(factor > 0) || !std::isfinite(anchor_s)) return;
  const double width = std::max(window_.span() * factor, min_span_s_);
  const double share = (anchor_s - window_.begin_s) / window_.span();
  const double begin = anchor_s - share * width;
  fix({begin, begin + width});
}

void TimeViewport::pan(double delta_s) {
  if (!std::isfinite(delta_s)) return;
  fix({window_.begin_s + delta_s, window_.end_s + delta_s});
}

void TimeViewport::show_time(double t_s) {
  if (!std::isfinite(t_s)) return;
  const double half = window_.span() / 2;
  fix({t_s - half, t_s + half});
}

void TimeViewport::show_range(TimeWindow range) {
  if (!std::isfinite(range.begin_s) || !std::isfinite(range.end_s) || range.end_s <= range.begin_s) return;
  fix(range);
}

void TimeViewport::follow() {
  mode_ = Mode::follow;
  update_window();
}

void TimeViewport::reset() {
  mode_ = Mode::whole_run;
  update_window();
}

}  // namespace lh::chart
