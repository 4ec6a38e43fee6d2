// The Prometheus HTTP API's answers (prom: sources): the SAX reader under
// small limits, then the members a live tick and a range step make of it.
// The first byte picks the HTTP status the answer came with. An error is one
// line; nothing kept passes the limits.
#include <cstdint>
#include <string>

#include "probe/prom_answer.h"
#include "probe/prom_members.h"

using namespace lh::probe;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr long kStatus[] = {200, 200, 400, 422, 503, 502};
  HttpResponse r;
  r.outcome = HttpResponse::Outcome::answered;
  r.status = kStatus[data[0] % 6];
  r.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);

  PromAnswerLimits limits;
  limits.max_series = 8;
  limits.max_points = 16;
  limits.max_label_bytes = 128;
  const PromAnswer a = read_prom_answer(r, limits);
  if (a.error && (a.error->find('\n') != std::string::npos || a.error->size() > 1200)) __builtin_trap();
  if (a.series.size() > limits.max_series) __builtin_trap();
  for (const auto& s : a.series) {
    if (s.points.size() > limits.max_points) __builtin_trap();
  }

  PromMembers members(query_metric(r.body));
  const auto values = last_values(a.series);
  for (int tick = 0; tick < 2; ++tick) {
    const auto update = members.update(values, &values);
    for (const auto& e : update.events) {
      if (e.detail.find('\n') != std::string::npos && e.kind != lh::EventKind::restart) __builtin_trap();
    }
  }
  return 0;
}
