#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/buckets.h"
#include "analysis/parameters.h"
#include "analysis/verdict.h"

namespace lh::analysis {

// The load's cumulative count of requests at a time on the session clock.
struct RequestCount {
  double t_s = 0;
  double count = 0;
};

// How many entries a cache held at a time (a series such as
// language_processor.cache_size): it says whether memory grows on after the
// cache stopped growing.
struct CacheCount {
  double t_s = 0;
  double entries = 0;
};

// One whole series, as a session or a CSV holds it.
struct SeriesInput {
  // Every member has a default, so callers name only what they have:
  // SeriesInput{.t_s = t, .values = v, .unit = "MiB", .limit = 8192.0}.
  std::span<const double> t_s = {};             // seconds, non-decreasing
  std::span<const double> values = {};          // NaN = a gap
  std::string unit = {};                        // "MiB", "GiB", "B", "KiB", or anything else (no absolute gate)
  std::span<const double> restarts_s = {};      // when the service restarted, optional
  // The caller knows every restart (from a pid, start time or uptime it
  // recorded): none is read off the memory series itself.
  bool restarts_known = false;
  std::span<const RequestCount> requests = {};  // optional, non-decreasing in time
  std::optional<double> limit = {};             // in the series' unit, optional
  std::span<const CacheCount> cache = {};       // optional, non-decreasing in time
};

// The verdict on a whole series. Pure computation: O(n) to reduce the
// series to buckets, then O(b²) per segment on at most max_buckets buckets.
Verdict analyze(const SeriesInput& input, const AnalysisParameters& params = {});

// The same analysis on a series that grows while a test runs. append() is
// O(1) amortized; verdict() costs what analyze() costs after the buckets,
// independent of the number of samples. Equal inputs give equal verdicts
// from both. Not thread-safe: one owner appends and asks.
class LiveAnalyzer {
 public:
  explicit LiveAnalyzer(std::string unit, AnalysisParameters params = {}, bool restarts_known = false);

  void set_limit(std::optional<double> limit) { limit_ = limit; }
  void append(double t_s, double value);
  // A restart at or after the last sample is O(1); one in the past rebuilds
  // the buckets from the samples kept (O(n)).
  void add_restart(double t_s);
  void add_request_count(double t_s, double cumulative);
  void add_cache_count(double t_s, double entries);

  // The verdict on everything so far, exactly what analyze() says on it.
  Verdict fresh_verdict() const;
  // The verdict to show while a run goes on: fresh_verdict(), except that a
  // leak, once said, is not withdrawn for want of data. Whether a window is
  // long enough depends on the growth's interval, which wanders from sample
  // to sample, and a short window of bursty growth may bend by chance; a
  // verdict that said leak, then "too little data", then leak again tells a
  // person nothing. Evidence against (growth that stopped, slows, levels
  // off, or no trend) withdraws it at once.
  Verdict verdict();
  std::size_t samples() const { return t_.size(); }

 private:
  void rebuild();

  std::string unit_;
  AnalysisParameters params_;
  bool restarts_known_ = false;
  std::optional<double> limit_;
  std::vector<double> t_, v_;     // every sample, for rebuilds
  std::vector<double> restarts_;  // sorted
  std::vector<RequestCount> requests_;
  std::vector<CacheCount> cache_;
  BucketedSeries buckets_;
  std::optional<Verdict> said_leak_;  // the latest leak verdict, while it stands
  std::optional<double> bending_since_;  // where the fresh verdict began to say the growth bends, while it does
};

}  // namespace lh::analysis
