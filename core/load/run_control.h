#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "common/clock.h"

namespace lh::load {

// What the engine and its workers share while a run goes on: the requests
// to pause or stop, and the run's active time (time since the load began,
// pauses excluded), by which durations, stages and arrivals are planned.
// All atomics: workers read them once per loop turn, never under a lock.
class RunControl {
 public:
  explicit RunControl(MonoClock::time_point load_start) : load_start_(load_start) {}

  MonoClock::time_point load_start() const { return load_start_; }

  void request_stop() { stop_.store(true, std::memory_order_release); }
  bool stop_requested() const { return stop_.load(std::memory_order_acquire); }

  // Returns false when already paused (or not paused, for resume).
  bool pause(MonoClock::time_point now);
  bool resume(MonoClock::time_point now);
  bool paused() const { return pause_mark() >= 0; }
  // Which pause is on, or -1 when running: when it began (ns since the load
  // started), so that each pause has its own mark.
  std::int64_t pause_mark() const { return pause_began_ns_.load(std::memory_order_acquire); }

  double active_seconds(MonoClock::time_point now) const;
  // The monotonic time at which the run's active time is `active_s`, given
  // the pauses so far.
  MonoClock::time_point mono_at_active(double active_s) const;

  // Set once the first answer came back: from then on a refused connection
  // is a fault of the target, not a sign that it is not there at all.
  std::atomic<bool> answer_seen{false};
  std::atomic<bool> unreachable{false};

 private:
  std::int64_t since_start_ns(MonoClock::time_point t) const {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t - load_start_).count();
  }

  const MonoClock::time_point load_start_;
  std::atomic<bool> stop_{false};
  std::atomic<std::int64_t> paused_total_ns_{0};
  std::atomic<std::int64_t> pause_began_ns_{-1};  // since load start; -1 when running
};

}  // namespace lh::load
