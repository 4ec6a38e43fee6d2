#pragma once

// A session store filled by a thread of its own, the way the sampler and
// the session's collector fill one: a "probe" group with a memory series
// that grows, CPU % and a cache size; a "load" group with the per-second
// series the session writes; a restart and a stage change on the way.

#include <atomic>
#include <memory>
#include <thread>

#include "dashboard/session_view.h"
#include "probe/series_store.h"

namespace lh::ui::test {

class FedStore {
 public:
  // Rows at t = 0, step_s, 2 step_s …, one every `pace` of real time.
  explicit FedStore(double step_s = 1.0, std::chrono::microseconds pace = std::chrono::microseconds(2000),
                    probe::StoreLimits limits = {});
  ~FedStore();

  // Starts the writer; it stops after `rows` rows (0: until stop()).
  void start(std::uint64_t rows = 0);
  void stop();
  // Writes `rows` rows now, on the calling thread.
  void write(std::uint64_t rows);

  SessionView view(bool live = true) const;
  std::shared_ptr<probe::SeriesStore> store() const { return store_; }
  std::uint64_t rows() const { return rows_.load(); }

  probe::SeriesId memory, cpu, cache, requests, errors, p50, p99;
  probe::GroupId probe_group, load_group;

 private:
  void row();

  std::shared_ptr<probe::SeriesStore> store_;
  double step_s_;
  std::chrono::microseconds pace_;
  std::atomic<std::uint64_t> rows_{0};
  std::atomic<bool> stopping_{false};
  std::thread writer_;
};

}  // namespace lh::ui::test
