#pragma once

#include <chrono>

#include "load/load_stats.h"

namespace lh::load {

// What a session drives and reads its load from: LeakHound's own
// LoadEngine, or another engine's load seen from outside
// (locust::LocustEngine). Snapshots have one shape whoever sends the
// requests, so the session's load series, journal, report and the growth
// per 1,000 requests read them alike. Every method may be called from any
// thread; none blocks on the engine's work.
class LoadDriver {
 public:
  virtual ~LoadDriver() = default;

  // Starts the load; once only. Throws lh::RuntimeFailure when the system
  // refuses what it needs; nothing runs then.
  virtual void start() = 0;
  virtual void pause() = 0;
  virtual void resume() = 0;
  // Ends the load at any moment, before start() and after the end included.
  virtual void stop() = 0;
  // True when the load has ended within `timeout`.
  virtual bool wait_for(std::chrono::milliseconds timeout) = 0;
  // Counters, latencies, and the per-second rows and events since `since`.
  virtual LoadSnapshot snapshot(const SnapshotCursor& since = {}) const = 0;
};

}  // namespace lh::load
