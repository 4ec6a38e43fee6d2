#pragma once

#include <memory>
#include <optional>
#include <span>
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
  // Events of the source's members (Metric::member), seen by the source
  // itself: a pod replaced by another, a restart counter that rose.
  struct MemberEvent {
    std::string member;
    EventKind kind = EventKind::restart;
    std::string detail;
  };
  std::vector<MemberEvent> member_events;

  static SourceSample failed(EventKind kind, std::string why) {
    SourceSample s;
    s.fault = kind;
    s.detail = std::move(why);
    return s;
  }
};

// A source the sampler polls. HTTP sources name the requests to send (one
// for a URL, two for a Prometheus query with a restart query); the sampler
// sends all sources' requests at once and hands each source its answers.
class Source {
 public:
  explicit Source(SourceSpec spec) : spec_(std::move(spec)) {}
  virtual ~Source() = default;
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const SourceSpec& spec() const { return spec_; }
  virtual std::vector<HttpRequest> requests() const { return {}; }
  // `responses` are this tick's answers to requests(), in their order
  // (empty for a local process, or when nothing was fetched); t_s is when
  // they are read, on the session clock.
  virtual SourceSample sample(std::span<const HttpResponse> responses, double t_s) = 0;

 private:
  SourceSpec spec_;
};

// `watch`: the metric the sampler watches, if it was named; kept past
// SourceLimits::max_metrics.
std::unique_ptr<Source> make_source(const SourceSpec& spec, const SourceLimits& limits = {}, std::string watch = {});

}  // namespace lh::probe
