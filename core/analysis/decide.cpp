#include "analysis/decide.h"

#include <algorithm>
#include <cmath>

#include "analysis/amounts.h"
#include "analysis/mann_kendall.h"
#include "analysis/normal.h"
#include "analysis/reasons.h"
#include "analysis/regimes.h"
#include "analysis/sawtooth.h"
#include "analysis/sen_slope.h"

namespace lh::analysis {
namespace {

constexpr double kHour = 3600.0;

// A segment's usable buckets, and the window the verdict looks at.
struct SegmentWork {
  std::vector<double> t, y;
  Window window;
  Sawtooth sawtooth;
  SegmentResult result;
  std::span<const double> window_t() const { return std::span(t).subspan(window.start); }
  std::span<const double> window_y() const { return std::span(y).subspan(window.start); }
  double w_from() const { return t[window.start]; }
};

// Buckets with too few samples (the first and last of a segment, around
// gaps) have a floor that sits high: fewer samples, fewer chances to be low.
void usable_buckets(const Segment& seg, double min_fill, std::size_t min_cycles, SegmentWork& w) {
  std::vector<std::uint32_t> counts;
  for (const auto& b : seg.buckets) counts.push_back(b.count);
  if (counts.empty()) return;
  std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(counts.size() / 2), counts.end());
  const double need = min_fill * counts[counts.size() / 2];
  for (const auto& b : seg.buckets) {
    if (b.count < need) continue;
    w.t.push_back(b.t());
    w.y.push_back(b.floor);
  }
  // A bucket narrower than a GC cycle keeps part of the sawtooth: widen,
  // when enough cycles were seen for a trend on one floor per cycle.
  w.sawtooth = find_sawtooth(w.t, w.y);
  if (w.t.size() / w.sawtooth.group >= min_cycles)
    merge_groups(w.t, w.y, w.sawtooth.group);
  else
    w.sawtooth.group = 1;
}

double requests_at(std::span<const RequestCount> requests, double t) {
  if (requests.empty()) return 0;
  if (t <= requests.front().t_s) return requests.front().count;
  if (t >= requests.back().t_s) return requests.back().count;
  const auto after =
      std::upper_bound(requests.begin(), requests.end(), t, [](double v, const RequestCount& r) { return v < r.t_s; });
  const auto before = after - 1;
  const double span = after->t_s - before->t_s;
  const double f = span > 0 ? (t - before->t_s) / span : 1.0;
  return before->count + f * (after->count - before->count);
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

struct Estimate {
  SlopeEstimate slope;  // per second
  MannKendall mk;
  double seconds = 0;
  std::size_t points = 0;
};

Estimate estimate(const std::vector<Run>& runs, const AnalysisParameters& params) {
  Estimate e;
  for (const auto& r : runs) {
    e.points += r.x.size();
    if (!r.x.empty()) e.seconds += r.x.back() - r.x.front();
  }
  const double first = theil_sen_slope(runs);
  e.mk = mann_kendall_hamed_rao(runs, first, params.acf_alpha);
  e.slope = sen_slope_with_ci(runs, e.mk.variance, params.ci_level);
  return e;
}

// Standard error of a slope read off its interval (0 for an exact line,
// infinite when the interval is open).
double standard_error(const SlopeEstimate& s, double level) {
  const double z = normal_quantile(1 - (1 - level) / 2);
  const double se = (s.high - s.low) / (2 * z);
  return std::isfinite(se) ? std::max(se, 0.0) : std::numeric_limits<double>::infinity();
}

// Probability that the slope is above `gate`, reading the estimate as normal.
double support_above(double slope, double gate, double se) {
  if (!std::isfinite(se)) return 0.5;
  if (se == 0) return slope > gate ? 1.0 : slope < gate ? 0.0 : 0.5;
  return normal_cdf((slope - gate) / se);
}

void time_to_limit(Verdict& v, const SegmentWork& last, const SlopeEstimate& s, double limit) {
  // The level now: the pooled slope's line through the last window, at its end.
  std::vector<double> offsets;
  for (std::size_t i = 0; i < last.window_t().size(); ++i)
    offsets.push_back(last.window_y()[i] - s.slope * last.window_t()[i]);
  const double now = median(offsets) + s.slope * last.window_t().back();
  const double room = limit - now;
  if (room <= 0) {
    v.time_to_limit_h = v.time_to_limit_low_h = v.time_to_limit_high_h = 0.0;
    return;
  }
  v.time_to_limit_h = room / (s.slope * kHour);
  if (s.high > 0 && std::isfinite(s.high)) v.time_to_limit_low_h = room / (s.high * kHour);
  if (s.low > 0) v.time_to_limit_high_h = room / (s.low * kHour);
}

// When a cache that grew stopped growing: from then on it holds at least
// 99 % of its last count. nullopt when it never grew, or is still growing.
std::optional<double> cache_full_since(std::span<const CacheCount> cache) {
  if (cache.size() < 2) return std::nullopt;
  const double last = cache.back().entries;
  std::size_t i = cache.size() - 1;
  while (i > 0 && cache[i - 1].entries >= 0.99 * last) --i;
  if (i == 0 || last <= 0 || i == cache.size() - 1) return std::nullopt;
  return cache[i].t_s;
}

}  // namespace

Verdict decide(const BucketedSeries& series, const DecideContext& context, const AnalysisParameters& params) {
  const std::string_view unit = context.unit;
  const auto requests = context.requests;
  const auto limit = context.limit;
  Verdict v;
  v.unit = std::string(unit);
  v.bucket_s = series.bucket_width();
  ReasonWriter reasons(v.unit);
  if (params.warmup_s > 0) reasons.set_warmup(params.warmup_s);

  std::vector<SegmentWork> work;
  for (const auto& seg : series.segments()) {
    SegmentWork w;
    w.result.cause = seg.cause;
    w.result.from_s = seg.first_t;
    w.result.to_s = seg.last_t;
    w.result.window_from_s = seg.first_t;
    w.result.samples = seg.samples;
    if (seg.cause == SegmentCause::restart) ++v.restarts;
    usable_buckets(seg, params.min_bucket_fill, params.min_sawtooth_cycles, w);
    if (w.t.size() >= params.min_segment_buckets) {
      w.window = find_window(w.t, w.y, params);
      w.result.analysed = true;
      w.result.window_from_s = w.t[w.window.start];
    }
    work.push_back(std::move(w));
  }
  reasons.segments(work.size(), v.restarts, [&] {
    std::vector<SegmentResult> r;
    for (const auto& w : work) r.push_back(w.result);
    return r;
  }());

  std::vector<Run> runs, early_runs, late_runs;
  std::vector<double> levels;
  const SegmentWork* last = nullptr;
  for (auto& w : work) {
    if (!w.result.analysed) continue;
    reasons.changes(w.window);
    if (w.sawtooth.group > 1) reasons.sawtooth(w.sawtooth.period_s);
    const auto t = w.window_t(), y = w.window_y();
    runs.push_back({t, y});
    // The late part, and the early part it is compared with.
    const auto late =
        std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(t.size() * params.late_fraction)), 3, t.size());
    late_runs.push_back({t.last(late), y.last(late)});
    early_runs.push_back({t.first(t.size() - late + 1), y.first(t.size() - late + 1)});
    levels.insert(levels.end(), y.begin(), y.end());
    const Run own[] = {{t, y}};
    const double slope = theil_sen_slope(own);
    w.result.slope_per_hour = std::isfinite(slope) ? slope * kHour : 0;
    w.result.growth = std::isfinite(slope) ? slope * (t.back() - t.front()) : 0;
    last = &w;
  }
  for (const auto& w : work) v.segments.push_back(w.result);

  if (runs.empty() || count_slope_pairs(runs) < 3) {
    reasons.too_little(0, params.min_window_s);
    v.reasons = reasons.take();
    return v;
  }

  const Estimate all = estimate(runs, params);
  const Estimate tail = estimate(late_runs, params);
  const Estimate head = estimate(early_runs, params);
  v.has_estimate = true;
  v.slope_per_hour = all.slope.slope * kHour;
  v.slope_ci_low = all.slope.low * kHour;
  v.slope_ci_high = all.slope.high * kHour;
  v.growth = all.slope.slope * all.seconds;
  v.p_value = all.mk.p_increasing;
  v.late_slope_per_hour = tail.slope.slope * kHour;
  v.window_from_s = runs.front().x.front();
  v.window_to_s = runs.back().x.back();

  const double level = median(levels);
  double gate = params.min_relative_growth_per_hour * std::fabs(level);
  if (const auto mib = mib_per_unit(unit)) gate = std::max(gate, params.min_growth_mib_per_hour / *mib);
  v.practical_slope_per_hour = gate;
  const double gate_s = gate / kHour;
  if (v.restarts > 0) reasons.restart_growth(v.restarts, v.segments, gate_s);

  const bool long_enough = all.seconds >= params.min_window_s && all.points >= params.min_window_buckets;
  const bool trend = all.mk.p_increasing < params.alpha && all.slope.low > 0;
  const double se = standard_error(all.slope, params.ci_level);
  const bool big_enough = support_above(all.slope.slope, gate_s, se) >= params.min_size_support;
  const double se_tail = standard_error(tail.slope, params.ci_level);
  const double se_head = standard_error(head.slope, params.ci_level);
  // Concavity: the late part grows clearly slower than the early part (by
  // the ratio, and by more than the two estimates' noise).
  const double z = normal_quantile(1 - (1 - params.ci_level) / 2);
  const double drop = head.slope.slope - tail.slope.slope;
  const bool slowed = tail.slope.slope < params.late_min_ratio * head.slope.slope &&
                      drop > z * std::sqrt(se_head * se_head + se_tail * se_tail);
  const bool still_growing = !slowed && tail.slope.slope > 0;
  // A slowdown too near the end to analyse after it matters when growth ran
  // long before it; in a segment just restarted it is the warm-up.
  const bool slowed_near_end = last && last->window.too_late && last->window.too_late->kind != ChangeKind::speedup &&
                               last->window.too_late->t_s - last->w_from() >= params.min_window_s;
  const bool late_flat = tail.points >= 6 && tail.slope.high < gate_s;

  reasons.window(all.slope, all.mk.p_increasing, v.window_from_s, v.window_to_s);
  if (!long_enough) {
    reasons.too_little(all.seconds, params.min_window_s);
  } else if (trend && big_enough && still_growing && !slowed_near_end) {
    v.kind = VerdictKind::leak;
    v.confidence = std::min(1 - all.mk.p_increasing, support_above(all.slope.slope, gate_s, se));
    reasons.still_growing(tail.slope.slope, tail.seconds);
  } else if (all.slope.high < gate_s) {
    v.kind = VerdictKind::no_leak;
    v.confidence = 1 - support_above(all.slope.slope, gate_s, se);
    reasons.below_gate(all.slope.high, gate_s);
  } else if (late_flat && slowed) {
    v.kind = VerdictKind::no_leak;
    v.confidence = 1 - support_above(tail.slope.slope, gate_s, se_tail);
    reasons.stopped(tail.slope.slope, tail.seconds, gate_s);
  } else {
    reasons.undecided({trend, big_enough, still_growing, slowed_near_end}, all.slope, tail.slope, gate_s,
                      all.mk.p_increasing);
  }

  if (const auto full = cache_full_since(context.cache)) {
    if (*full < v.window_to_s - params.min_window_s / 2) reasons.cache_full(*full, v.kind == VerdictKind::leak);
  }
  if (!requests.empty() && v.growth != 0) {
    double served = 0;
    for (const auto& r : runs) served += requests_at(requests, r.x.back()) - requests_at(requests, r.x.front());
    if (served > 0) {
      v.growth_per_1000_requests = v.growth / served * 1000.0;
      reasons.per_requests(*v.growth_per_1000_requests);
    }
  }
  if (limit && v.kind == VerdictKind::leak && last) {
    time_to_limit(v, *last, all.slope, *limit);
    reasons.limit(*limit, v.time_to_limit_h, v.time_to_limit_low_h, v.time_to_limit_high_h);
  }
  v.reasons = reasons.take();
  return v;
}

}  // namespace lh::analysis
