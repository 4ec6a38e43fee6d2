#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/clock.h"
#include "probe/http_fetcher.h"
#include "probe/probe_config.h"
#include "probe/series_store.h"
#include "probe/source.h"
#include "probe/source_tracker.h"

namespace lh::probe {

// Polls every source once per interval on a thread of its own and writes a
// row per tick into its group ("probe") of the store, stamped with the
// session clock the load engine uses. HTTP sources are fetched all at once;
// a source that fails leaves gaps and an event and the others go on; it is
// picked up again when it answers.
//
// Ticks fall on whole multiples of the interval on the session clock (after
// a first one at start()), so rows line up with the load engine's seconds.
// A tick that overruns skips the grid points it missed rather than
// bunching up.
//
// Series are named by their metric when there is one source, and
// "label/metric" when there are several. A member of a source (a
// Prometheus query's series, Metric::member) is a source of its own: its
// series is named, and its events are sourced, "member" or "label/member".
class Sampler {
 public:
  // Validates the config (throws InputError) and adds the group to the store.
  Sampler(ProbeConfig config, const SessionClock& clock, SeriesStore& store);
  ~Sampler();
  Sampler(const Sampler&) = delete;
  Sampler& operator=(const Sampler&) = delete;

  // Starts sampling; with `max_ticks`, the thread ends by itself after that
  // many rows (a `--duration` of 60 s at 1 s is 60 rows, not 60 or 61).
  void start(std::uint64_t max_ticks = 0);
  // Stops and joins the thread, cutting a tick in flight short. A sampler
  // runs once: start() after stop() does nothing.
  void stop();
  // True once the thread ended after its max_ticks.
  bool finished() const { return finished_.load(std::memory_order_acquire); }

  GroupId group() const { return group_; }
  // With every source's label filled in.
  const ProbeConfig& config() const { return config_; }
  std::uint64_t ticks() const { return ticks_.load(std::memory_order_relaxed); }

 private:
  struct SourceState {
    std::unique_ptr<Source> source;
    SourceTracker tracker;
    std::size_t first_request = 0;  // its requests in the fetcher's
    std::size_t requests = 0;
    // metric -> column of the row; the names are the store's own (SeriesInfo::metric).
    std::unordered_map<std::string_view, std::size_t> columns;
    // member + '\n' + metric -> column, for the members' metrics.
    std::unordered_map<std::string, std::size_t> member_columns;
    bool told_store_full = false;
  };

  void run();
  void tick();
  void record(SourceState& state, const SourceSample& sample, double t_s);
  std::optional<std::size_t> column_for(SourceState& state, const Metric& metric, double t_s);
  void update_watched();

  ProbeConfig config_;
  const SessionClock& clock_;
  SeriesStore& store_;
  GroupId group_;
  std::vector<SourceState> sources_;
  std::unique_ptr<HttpFetcher> fetcher_;
  std::vector<double> row_;
  bool new_series_ = false;

  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::atomic<std::uint64_t> ticks_ = 0;
  std::uint64_t max_ticks_ = 0;
  std::atomic<bool> finished_ = false;
};

}  // namespace lh::probe
