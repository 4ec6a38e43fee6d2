#pragma once

#include <cstddef>
#include <vector>

namespace lh::probe {

// Prometheus refuses a /api/v1/query_range that would give a series more
// points than this ("exceeded maximum resolution of 11,000 points per
// timeseries"); Grafana keeps its step above range / 11,000 for it.
inline constexpr std::size_t kPromMaxPointsPerRequest = 11000;

// A range read after the fact: the step, and the requests it takes.
struct RangeChunk {
  double start_s = 0;  // Unix seconds; points fall on start + k·step up to end
  double end_s = 0;
};
struct RangePlan {
  double step_s = 0;
  std::size_t points = 0;  // per series, over all chunks
  std::vector<RangeChunk> chunks;
};

// Grafana's step: the wanted resolution (`min_step_s`, the scrape or probe
// interval) unless the range would then hold more than `max_points` points
// a series, in which case range / max_points rounded up to the next of
// Grafana's interval steps (1s, 2s, 5s, 10s, 15s, 20s, 30s, 1m, 2m, 5m, …).
// The range is then split into requests of at most
// kPromMaxPointsPerRequest points, back to back, no point asked twice.
RangePlan plan_range(double start_s, double end_s, double min_step_s, std::size_t max_points = 100000);

// The smallest of Grafana's interval steps that is at least `seconds`
// (Grafana rounds to the nearest; rounding up keeps the point cap).
double round_step_up(double seconds);

// Each chunk cut in two at a step boundary: for a chunk whose answer was
// over the body cap. A chunk of one point stays whole.
std::vector<RangeChunk> halves(const RangeChunk& chunk, double step_s);

}  // namespace lh::probe
