#pragma once

#include <chrono>

namespace lh {

using MonoClock = std::chrono::steady_clock;
using WallClock = std::chrono::system_clock;

// The one clock of a session. The load engine, the sampler and the journal
// all stamp with it, so a request and a memory sample taken at the same
// instant carry the same t (seconds since the session started). Wall-clock
// time is derived from the start, for display only: it never goes backwards
// when NTP adjusts the system clock mid-run.
class SessionClock {
 public:
  SessionClock() : SessionClock(MonoClock::now(), WallClock::now()) {}
  SessionClock(MonoClock::time_point start_mono, WallClock::time_point start_wall)
      : start_mono_(start_mono), start_wall_(start_wall) {}

  double seconds(MonoClock::time_point at) const {
    return std::chrono::duration<double>(at - start_mono_).count();
  }
  double now() const { return seconds(MonoClock::now()); }

  MonoClock::time_point mono_at(double t_s) const {
    return start_mono_ + std::chrono::duration_cast<MonoClock::duration>(std::chrono::duration<double>(t_s));
  }
  WallClock::time_point wall_at(double t_s) const {
    return start_wall_ + std::chrono::duration_cast<WallClock::duration>(std::chrono::duration<double>(t_s));
  }

  MonoClock::time_point start_mono() const { return start_mono_; }
  WallClock::time_point start_wall() const { return start_wall_; }

 private:
  MonoClock::time_point start_mono_;
  WallClock::time_point start_wall_;
};

}  // namespace lh
