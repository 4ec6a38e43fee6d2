#include "load/run_control.h"

namespace lh::load {

bool RunControl::pause(MonoClock::time_point now) {
  std::int64_t expected = -1;
  return pause_began_ns_.compare_exchange_strong(expected, since_start_ns(now));
}

bool RunControl::resume(MonoClock::time_point now) {
  const std::int64_t began = pause_began_ns_.load();
  if (began < 0) return false;
  // Add the pause to the total before marking the run as running, so a
  // worker never sees the pause's time as active time.
  paused_total_ns_.fetch_add(since_start_ns(now) - began);
  pause_began_ns_.store(-1, std::memory_order_release);
  return true;
}

double RunControl::active_seconds(MonoClock::time_point now) const {
  const std::int64_t began = pause_began_ns_.load(std::memory_order_acquire);
  const std::int64_t until = began >= 0 ? began : since_start_ns(now);
  return static_cast<double>(until - paused_total_ns_.load(std::memory_order_acquire)) / 1e9;
}

MonoClock::time_point RunControl::mono_at_active(double active_s) const {
  const auto ns = static_cast<std::int64_t>(active_s * 1e9) + paused_total_ns_.load(std::memory_order_acquire);
  return load_start_ + std::chrono::nanoseconds(ns);
}

}  // namespace lh::load
