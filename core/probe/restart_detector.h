#pragma once

#include <optional>
#include <string>

#include "probe/metric.h"

namespace lh::probe {

// Tells when a source is a new run of its service, so a restart starts a
// new segment instead of reading as a crash in memory. A restart is:
//  - another pid, start time or version than the previous good sample;
//  - an uptime that went backwards;
//  - or, for a service that says none of those (the segmentation service's
//    /memory-stats), coming back after a fault with memory much lower
//    (under kComebackRatio of the last value before it).
class RestartDetector {
 public:
  static constexpr double kComebackRatio = 0.7;

  // Feeds one good sample; returns why it is a restart, or nullopt.
  // `watched_mib` is the source's watched memory in MiB, when it has one.
  std::optional<std::string> check(const Identity& identity, std::optional<double> watched_mib, bool after_fault);

 private:
  Identity last_;
  std::optional<double> last_mib_;
};

}  // namespace lh::probe
