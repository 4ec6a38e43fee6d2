#pragma once

#include "probe/prom_answer.h"
#include "probe/prom_members.h"
#include "probe/source.h"

namespace lh::probe {

// A Prometheus server asked a PromQL query at every tick (/api/v1/query at
// the server's "now"): each series of the answer is a member with a series
// and verdict of its own (Metric::member), its restarts told by
// PromMembers. An error answer of any kind (the API's own error, an HTTP
// error from a proxy, a body that is not the API's JSON) is a fault with
// the server's message; a query that matches nothing is one too, so the
// timeline says when the pods went away and when they came back.
class PromSource : public Source {
 public:
  PromSource(SourceSpec spec, const SourceLimits& limits);

  std::vector<HttpRequest> requests() const override { return source_requests(spec()); }
  SourceSample sample(std::span<const HttpResponse> responses, double t_s) override;

 private:
  PromAnswerLimits answer_limits_;
  PromMembers members_;
};

// A fault for a response that is not an answer (unreachable, cut short,
// over the body cap), or for the API's error; nullopt for an answer.
std::optional<SourceSample> prom_fault(const HttpResponse& response, const PromAnswer& answer);

}  // namespace lh::probe
