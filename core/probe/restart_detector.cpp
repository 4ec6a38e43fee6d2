#include "probe/restart_detector.h"

#include <cmath>
#include <cstdio>

namespace lh::probe {
namespace {

std::string number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", value);
  return buf;
}

// Start times given as numbers may be recomputed on every request (boot
// time + ticks) and wobble by rounding; a second apart is a new process.
constexpr double kStartTolerance_s = 1.0;
// Uptimes are sampled at up to 10 Hz and may be rounded to whole seconds.
constexpr double kUptimeTolerance_s = 1.0;

std::optional<std::string> identity_change(const Identity& was, const Identity& now) {
  if (was.pid && now.pid && *was.pid != *now.pid) return "pid " + *was.pid + " -> " + *now.pid;
  if (was.start_s && now.start_s && std::fabs(*was.start_s - *now.start_s) > kStartTolerance_s) {
    return "start time " + number(*was.start_s) + " -> " + number(*now.start_s);
  }
  if (was.start_text && now.start_text && *was.start_text != *now.start_text) {
    return "start time " + *was.start_text + " -> " + *now.start_text;
  }
  if (was.version && now.version && *was.version != *now.version) return "version " + *was.version + " -> " + *now.version;
  if (was.uptime_s && now.uptime_s && *now.uptime_s + kUptimeTolerance_s < *was.uptime_s) {
    return "uptime went back from " + number(*was.uptime_s) + " s to " + number(*now.uptime_s) + " s";
  }
  return std::nullopt;
}

template <typename T>
void keep_newer(std::optional<T>& last, const std::optional<T>& now) {
  if (now) last = now;
}

}  // namespace

std::optional<std::string> RestartDetector::check(const Identity& identity, std::optional<double> watched_mib,
                                                  bool after_fault) {
  std::optional<std::string> why = identity_change(last_, identity);
  if (!why && after_fault && last_mib_ && watched_mib && *last_mib_ > 0 &&
      *watched_mib < kComebackRatio * *last_mib_) {
    why = "came back with " + number(*watched_mib) + " MiB after " + number(*last_mib_) + " MiB";
  }
  keep_newer(last_.pid, identity.pid);
  keep_newer(last_.start_s, identity.start_s);
  keep_newer(last_.start_text, identity.start_text);
  keep_newer(last_.version, identity.version);
  keep_newer(last_.uptime_s, identity.uptime_s);
  if (watched_mib && std::isfinite(*watched_mib)) last_mib_ = watched_mib;
  return why;
}

}  // namespace lh::probe
