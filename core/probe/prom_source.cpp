#include "probe/prom_source.h"

#include "probe/metric.h"

namespace lh::probe {
namespace {

PromAnswerLimits instant_limits(const SourceLimits& limits) {
  PromAnswerLimits out;
  out.max_series = limits.max_metrics;
  out.max_points = 1;
  out.max_label_bytes = limits.max_name_bytes;
  return out;
}

void note_left_out(const PromAnswer& answer, const SourceLimits& limits, std::string_view what,
                   std::vector<ReadNote>& notes) {
  if (answer.series_left_out > 0) {
    notes.push_back({std::string(limit_name(Limit::metrics)),
                     std::string(what) + ": limit max_metrics_per_source (" + std::to_string(limits.max_metrics) +
                         ") reached; " + std::to_string(answer.series_left_out) + " series left out"});
  }
  if (answer.labels_left_out > 0) {
    notes.push_back({std::string(limit_name(Limit::name_bytes)),
                     std::string(what) + ": limit max_name_bytes (" + std::to_string(limits.max_name_bytes) +
                         ") reached; " + std::to_string(answer.labels_left_out) +
                         " series with longer labels left out"});
  }
  if (answer.warning) notes.push_back({"prometheus_warning", std::string(what) + ": the server warns " + *answer.warning});
}

}  // namespace

PromSource::PromSource(SourceSpec spec, const SourceLimits& limits)
    : Source(std::move(spec)), answer_limits_(instant_limits(limits)), members_(query_metric(this->spec().query)) {}

std::optional<SourceSample> prom_fault(const HttpResponse& r, const PromAnswer& answer) {
  if (r.outcome == HttpResponse::Outcome::unreachable) return SourceSample::failed(EventKind::unreachable, r.error);
  if (r.outcome == HttpResponse::Outcome::bad_response) return SourceSample::failed(EventKind::bad_response, r.error);
  if (answer.error) return SourceSample::failed(EventKind::bad_response, *answer.error);
  return std::nullopt;
}

SourceSample PromSource::sample(std::span<const HttpResponse> responses, double) {
  if (responses.empty()) return SourceSample::failed(EventKind::unreachable, "not fetched");
  const HttpResponse& r = responses.front();
  PromAnswer answer;
  if (r.outcome == HttpResponse::Outcome::answered) answer = read_prom_answer(r, answer_limits_);
  if (auto fault = prom_fault(r, answer)) return std::move(*fault);
  if (answer.series.empty() && answer.series_left_out == 0 && answer.labels_left_out == 0) {
    return SourceSample::failed(EventKind::bad_response, "the query matched no series");
  }

  SourceSample s;
  SourceLimits limits;
  limits.max_metrics = answer_limits_.max_series;
  limits.max_name_bytes = answer_limits_.max_label_bytes;
  note_left_out(answer, limits, "query", s.notes);

  // The restart query is a help, not the source: its failure is a note.
  std::optional<PromAnswer> restarts;
  if (responses.size() > 1) {
    const HttpResponse& rr = responses[1];
    PromAnswer ra;
    if (rr.outcome == HttpResponse::Outcome::answered) ra = read_prom_answer(rr, answer_limits_);
    if (auto fault = prom_fault(rr, ra)) {
      s.notes.push_back({"restart_query", "restart query: " + fault->detail});
    } else {
      note_left_out(ra, limits, "restart query", s.notes);
      restarts = std::move(ra);
    }
  }

  const std::vector<PromValue> values = last_values(answer.series);
  std::vector<PromValue> restart_values;
  if (restarts) restart_values = last_values(restarts->series);
  auto update = members_.update(values, restarts ? &restart_values : nullptr);
  for (auto& reading : update.readings) {
    s.metrics.push_back(Metric{std::move(reading.metric), reading.value, std::nullopt, std::move(reading.member)});
  }
  s.member_events = std::move(update.events);
  return s;
}

}  // namespace lh::probe
