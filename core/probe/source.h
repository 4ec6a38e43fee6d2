#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/event.h"
#include "probe/http_fetcher.h"
#include "probe/metric.h"
#include "probe/source_limits.h"
#include "probe/source_spec.h"

namespace lh::probe {

// One sample of one source: metrics and identity, or a fault.
struct SourceSample {
  std::optional<EventKind> fault;  // unreachable or bad_response; unset for a good sample
  std::string detail;              // the fault, one line
  std::vector<Metric> metrics;
  Identity identity;
  std::vector<ReadNote> notes;  // what a good answer had left out (limits reached, lines skipped)

  static SourceSample failed(EventKind kind, std::string why) {
    SourceSample s;
    s.fault = kind;
    s.detail = std::move(why);
    return s;
  }
};

// A source the sampler polls. HTTP sources name the request to send; the
// sampler sends all of them at once and hands each its answer.
class Source {
 public:
  explicit Source(SourceSpec spec) : spec_(std::move(spec)) {}
  virtual ~Source() = default;
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const SourceSpec& spec() const { return spec_; }
  virtual std::optional<HttpRequest> request() const { return std::nullopt; }
  // `response` is this tick's answer for HTTP sources, nullptr for others;
  // t_s is when it is read, on the session clock.
  virtual SourceSample sample(const HttpResponse* response, double t_s) = 0;

 private:
  SourceSpec spec_;
};

// `watch`: the metric the sampler watches, if it was named; kept past
// SourceLimits::max_metrics.
std::unique_ptr<Source> make_source(const SourceSpec& spec, const SourceLimits& limits = {}, std::string watch = {});

}  // namespace lh::probe
