#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "probe/series_store.h"

// "Requests served over time": the one input growth per 1,000 requests is
// computed from (analysis::RequestCount, a running count on the session
// clock). It comes from one of two places:
//  - the load engine: its requests answered with a 2xx, from the "load"
//    group (a request refused while the service restarts never reached it);
//  - a counter of the service's own that the scenario names
//    (probes.request_counter), for sessions whose traffic comes from
//    elsewhere: a JSON field such as `conversions`, or a Prometheus counter
//    such as `http_requests_total`, which the sampler keeps as its rate.
namespace lh::session {

// A counter's samples, one at a time, as the count served since its first.
// A counter that goes down was reset (the service restarted): it counted
// again from zero, so its new value is all increase. A rate (a Prometheus
// counter the sampler turned into `x_per_s`) is summed over the time each
// value covers: since the last sample with a value (a source that did not
// answer leaves gaps the next rate spans), or for the first, the sample
// before it (the scrape that gave no rate yet).
class CounterIncrease {
 public:
  enum class Form { total, rate };
  explicit CounterIncrease(Form form) : form_(form) {}

  // The count at t_s; nullopt for a gap (a NaN value).
  std::optional<double> add(double t_s, double value);

 private:
  Form form_;
  double count_ = 0;
  std::optional<double> last_value_;  // total: the last value read
  std::optional<double> last_t_;      // rate: when the last value was read
  std::optional<double> previous_t_;  // rate: the sample before, value or not
};

// The series a request counter names, as probes.watch names one: its
// series name ("conversion/conversions") or metric ("conversions"); a
// Prometheus counter's `_total` name finds the rate series it became.
struct RequestCounterSeries {
  probe::SeriesId id = 0;
  CounterIncrease::Form form = CounterIncrease::Form::total;
};
std::optional<RequestCounterSeries> find_request_counter(const probe::SeriesStore& store, probe::GroupId probe_group,
                                                         const std::string& counter);

// Requests served over time: from the named counter when `counter` is set
// (empty while it names no series), else from the load (empty without one).
std::vector<analysis::RequestCount> requests_served(const probe::SeriesStore& store, probe::GroupId probe_group,
                                                    const std::string& counter);

}  // namespace lh::session
