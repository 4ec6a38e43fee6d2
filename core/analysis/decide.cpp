#include "analysis/decide.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "analysis/amounts.h"
#include "analysis/curvature.h"
#include "analysis/drift.h"
#include "analysis/mann_kendall.h"
#include "analysis/normal.h"
#include "analysis/regimes.h"
#include "analysis/resolution.h"
#include "analysis/saturation.h"
#include "analysis/sawtooth.h"
#include "analysis/sen_slope.h"
#include "analysis/staircase.h"
#include "analysis/two_phase.h"

namespace lh::analysis {
namespace {

constexpr double kHour = 3600.0;
constexpr double kInf = std::numeric_limits<double>::infinity();
// Changes of regime listed one by one up to this many; beyond, counted.
constexpr std::size_t kChangesListed = 3;
// A staircase goes on when its last step is no further from the end than
// this many of its typical intervals.
constexpr double kStairsStillClimbing = 2.0;
// How long a verdict may be said to need, at most.
constexpr double kLongestWait_s = 48 * kHour;

// A segment's usable buckets, and the window the verdict looks at.
struct SegmentWork {
  std::vector<double> t, y;
  Window window;
  Sawtooth sawtooth;
  SegmentResult result;
  bool staircase = false;
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

// Standard error of a slope read off its interval (0 for an exact line,
// infinite when the interval is open).
double standard_error(const SlopeEstimate& s, double level) {
  const double z = normal_quantile(1 - (1 - level) / 2);
  const double se = (s.high - s.low) / (2 * z);
  return std::isfinite(se) ? std::max(se, 0.0) : kInf;
}

// Probability that the slope is above `gate`, reading the estimate as normal.
double support_above(double slope, double gate, double se) {
  if (!std::isfinite(se)) return 0.5;
  if (se == 0) return slope > gate ? 1.0 : slope < gate ? 0.0 : 0.5;
  return normal_cdf((slope - gate) / se);
}

// A line's slope over runs: Theil–Sen with its interval and the Mann–Kendall
// test, both widened for autocorrelation (Hamed–Rao).
struct LineEstimate {
  SlopeEstimate slope;  // per second
  MannKendall mk;
  double se = kInf;
  double seconds = 0;
  std::size_t points = 0;
};

LineEstimate line_estimate(const std::vector<Run>& runs, const AnalysisParameters& params) {
  LineEstimate e;
  for (const auto& r : runs) {
    e.points += r.x.size();
    if (!r.x.empty()) e.seconds += r.x.back() - r.x.front();
  }
  const double first = theil_sen_slope(runs);
  e.mk = mann_kendall_hamed_rao(runs, first, params.acf_alpha);
  e.slope = sen_slope_with_ci(runs, e.mk.variance, params.ci_level);
  e.se = standard_error(e.slope, params.ci_level);
  return e;
}

// What the verdict rests on: the line's estimate, or, when only a reading
// as uneven bursts finds the trend, the drift's.
struct Estimate {
  double slope = 0, low = 0, high = 0, se = kInf, p = 1;  // per second
  bool uneven = false;
};

// Early and late halves of every run's blocks: the mean rates.
struct BlockHalves {
  double early = 0, late = 0;
};
BlockHalves block_halves(const Drift& d, const std::vector<Run>& runs) {
  double early = 0, early_s = 0, late = 0, late_s = 0;
  for (const auto& b : d.blocks) {
    const auto& x = runs[b.run].x;
    const bool is_late = b.t_mid >= (x.front() + x.back()) / 2;
    (is_late ? late : early) += b.rate * b.seconds;
    (is_late ? late_s : early_s) += b.seconds;
  }
  return {early_s > 0 ? early / early_s : 0, late_s > 0 ? late / late_s : 0};
}

void time_to_limit(Verdict& v, const SegmentWork& last, const Estimate& s, double limit) {
  // The level now: the slope's line through the last window, at its end.
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

// How long the window must be: long enough for growth at the low end of
// its interval to add fast_growth_share of the level, between the floor and
// min_window_s; and, however long that takes, to add min_visible_growth of
// it, and min_visible_growth_mib in a byte unit (a small creep needs a long
// run: an allocator settling after start-up creeps too).
double required_window(const Estimate& e, double level, std::optional<double> mib_per_unit,
                       const AnalysisParameters& params) {
  if (!(e.low > 0) || !(level > 0)) return params.min_window_s;
  // A min_window_s below the floor lowers the floor with it.
  const double floor = std::min(params.min_window_floor_s, params.min_window_s);
  const double fast = std::clamp(params.fast_growth_share * level / e.low, floor, params.min_window_s);
  double visible = params.min_visible_growth * level;
  if (mib_per_unit) visible = std::max(visible, params.min_visible_growth_mib / *mib_per_unit);
  return std::max(fast, visible / e.low);
}

// At the current slope and noise, the seconds of window after which the
// interval would clear the gate (or fall below it): the interval narrows
// like T^-1.5 for noise around a line, T^-0.5 for a random walk. nullopt
// when the slope sits too near the gate to settle within two days.
std::optional<double> window_needed(const Estimate& e, double gate, double seconds, const AnalysisParameters& params) {
  if (!std::isfinite(e.se) || seconds <= 0) return std::nullopt;
  const double distance = std::fabs(e.slope - gate);
  if (distance <= 0) return std::nullopt;
  const double z = normal_quantile(1 - (1 - params.ci_level) / 2);
  const double shrink = z * e.se / distance;
  if (shrink <= 1) return std::max(seconds, params.min_window_s);
  const double needed = seconds * std::pow(shrink, e.uneven ? 2.0 : 2.0 / 3.0);
  if (needed > kLongestWait_s) return std::nullopt;
  return std::max(needed, params.min_window_s);
}

// A staircase in a segment: three or more steps up, none given back, still
// climbing. Its window then starts before the first step.
bool climbs_in_steps(SegmentWork& w, const Steps& steps) {
  if (steps.up < 3 || steps.down > 0) return false;
  if (w.t.back() - steps.last_s > kStairsStillClimbing * std::max(steps.typical_every, 1.0)) return false;
  std::size_t start = 0;
  while (start + 1 < w.t.size() && w.t[start + 1] < steps.first_s) ++start;
  w.window = Window{};
  w.window.start = start > 0 ? start - 1 : 0;
  w.staircase = true;
  return true;
}

}  // namespace

Verdict decide(const BucketedSeries& series, const DecideContext& context, const AnalysisParameters& params) {
  const std::string_view unit = context.unit;
  const auto requests = context.requests;
  Verdict v;
  v.unit = std::string(unit);
  v.bucket_s = series.bucket_width();
  auto say = [&v](Reason r) {
    v.reasons.push_back(std::move(r));
    return v.reasons.size() - 1;
  };
  if (params.warmup_s > 0) say(reason::WarmupSet{params.warmup_s});
  // Every answer failed or left the series out (a gap each time): there is
  // no level, no warm-up and no rate to speak of, only that.
  if (series.readings() == 0) {
    v.deciding = say(reason::NoReadings{});
    return v;
  }

  // Segments: their usable buckets and the window after warm-up. Every
  // restart counts; the verdict rests on the latest max_segments segments
  // (how memory behaves now, at a cost bounded however often it restarts).
  std::vector<SegmentWork> work;
  const auto& segments = series.segments();
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const Segment& seg = segments[k];
    if (seg.cause == SegmentCause::restart || seg.cause == SegmentCause::inferred_restart) ++v.restarts;
    if (seg.cause == SegmentCause::inferred_restart) ++v.inferred_restarts;
    if (k + params.max_segments < segments.size()) continue;
    SegmentWork w;
    w.result.cause = seg.cause;
    w.result.from_s = seg.first_t;
    w.result.to_s = seg.last_t;
    w.result.window_from_s = seg.first_t;
    w.result.samples = seg.samples;
    usable_buckets(seg, params.min_bucket_fill, params.min_sawtooth_cycles, w);
    if (w.t.size() >= params.min_segment_buckets) {
      w.window = find_window(w.t, w.y, params);
      w.result.analysed = true;
    }
    work.push_back(std::move(w));
  }
  std::vector<double> all_floors;
  for (const auto& w : work) all_floors.insert(all_floors.end(), w.y.begin(), w.y.end());
  const double series_level = median(all_floors);
  Steps stairs;
  for (auto& w : work) {
    if (!w.result.analysed) continue;
    const Steps s = find_steps(w.t, w.y, series_level);
    if (climbs_in_steps(w, s)) {
      stairs.up += s.up;
      stairs.typical_step = s.typical_step;
      stairs.typical_every = s.typical_every;
    }
    w.result.window_from_s = w.t[w.window.start];
  }

  // Gaps in the samples and segments too short, as the sampler saw them.
  if (!series.gaps().empty()) {
    reason::Gaps gap_reason;
    gap_reason.count = series.gaps().size();
    for (const auto& g : series.gaps()) {
      if (g.to_s - g.from_s > gap_reason.longest_to_s - gap_reason.longest_from_s) {
        gap_reason.longest_from_s = g.from_s;
        gap_reason.longest_to_s = g.to_s;
      }
    }
    say(gap_reason);
  }
  std::size_t skipped = 0;
  for (const auto& w : work) skipped += w.result.analysed ? 0 : 1;
  if (skipped > 0 && work.size() > 1) say(reason::SegmentsSkipped{skipped, work.size(), v.restarts > 0});

  // The analysed windows, pooled: the whole, its early and late parts.
  std::vector<Run> runs, early_runs, late_runs;
  std::vector<double> levels;
  SegmentWork* last = nullptr;
  std::vector<Change> changes;
  std::size_t segments_with_changes = 0;
  std::optional<double> sawtooth_period;
  for (auto& w : work) {
    if (!w.result.analysed) continue;
    if (!w.window.changes.empty()) ++segments_with_changes;
    changes.insert(changes.end(), w.window.changes.begin(), w.window.changes.end());
    if (w.sawtooth.group > 1 && !sawtooth_period) sawtooth_period = w.sawtooth.period_s;
    const auto t = w.window_t(), y = w.window_y();
    runs.push_back({t, y});
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

  // Restarts first, then the changes of regime each segment's window left out.
  std::optional<std::size_t> restart_reason;
  if (v.restarts > 0) restart_reason = say(reason::Restarts{v.restarts, v.inferred_restarts, {}, {}, false, false});
  if (changes.size() <= kChangesListed) {
    for (const auto& w : work) {
      if (!w.result.analysed) continue;
      for (std::size_t k = 0; k < w.window.changes.size(); ++k) say(reason::RegimeChange{w.window.changes[k], k == 0});
    }
  } else {
    say(reason::ManyChanges{changes.size(), std::max<std::size_t>(segments_with_changes, 1), changes.back()});
  }
  for (const auto& w : work) {
    if (w.result.analysed && w.window.too_late) say(reason::ChangeTooLate{*w.window.too_late});
  }
  if (sawtooth_period) say(reason::Sawtooth{*sawtooth_period});

  if (runs.empty() || count_slope_pairs(runs) < 3) {
    v.deciding = say(reason::TooLittle{0, params.min_window_s});
    return v;
  }

  // The estimates: a line through the floors, and the drift of uneven bursts.
  const LineEstimate line = line_estimate(runs, params);
  const LineEstimate tail = line_estimate(late_runs, params);
  const LineEstimate head = line_estimate(early_runs, params);
  const Drift drift = drift_by_blocks(runs, params.ci_level);
  // The trend must also have stood without the window's last quarter: a
  // verdict read again and again as a run goes on would otherwise, sooner or
  // later, call a lucky stretch of noise a leak.
  std::vector<Run> earlier;
  for (const auto& r : runs) {
    const std::size_t keep = std::max<std::size_t>(3, r.x.size() * 3 / 4);
    earlier.push_back({r.x.first(keep), r.y.first(keep)});
  }
  const LineEstimate line_before = line_estimate(earlier, params);
  const Drift drift_before = drift_by_blocks(earlier, params.ci_level);
  const bool line_trend = line.mk.p_increasing < params.alpha && line.slope.low > 0 &&
                          line_before.mk.p_increasing < params.earlier_alpha && line_before.slope.low > 0;
  const bool walk_trend = drift.p_increasing < params.alpha && drift.low > 0 &&
                          drift_before.p_increasing < params.earlier_alpha;
  Estimate est{line.slope.slope, line.slope.low, line.slope.high, line.se, line.mk.p_increasing, false};
  if (!line_trend && walk_trend) est = {drift.slope, drift.low, drift.high, drift.se, drift.p_increasing, true};
  const bool stairs_climb = stairs.up >= 3;

  v.has_estimate = true;
  v.slope_per_hour = est.slope * kHour;
  v.slope_ci_low = est.low * kHour;
  v.slope_ci_high = est.high * kHour;
  v.growth = est.slope * line.seconds;
  v.p_value = est.p;
  v.late_slope_per_hour = tail.slope.slope * kHour;
  v.window_from_s = runs.front().x.front();
  v.window_to_s = runs.back().x.back();

  const double level = median(levels);
  double gate = params.min_relative_growth_per_hour * std::fabs(level);
  if (const auto mib = mib_per_unit(unit)) gate = std::max(gate, params.min_growth_mib_per_hour / *mib);
  v.practical_slope_per_hour = gate;
  const double gate_s = gate / kHour;

  // Restart to restart: the typical growth of a whole cycle at its slope. A
  // leak the restarts hide grows a share of the level that counts each
  // cycle; less is the warm-up each new process goes through.
  // When nearly every cycle grows that much, and the pooled trend shows at
  // least loosely, the loop leaks: few cycles are enough, however short.
  bool cycles_grow = true, every_cycle_grows = false;
  if (restart_reason) {
    std::vector<double> growth, cycles;
    for (const auto& s : v.segments) {
      if (!s.analysed) continue;
      growth.push_back(s.slope_per_hour / kHour * (s.to_s - s.from_s));
      cycles.push_back(s.to_s - s.from_s);
    }
    auto& r = std::get<reason::Restarts>(v.reasons[*restart_reason]);
    if (growth.size() >= 2) {
      const double typical = median(growth), cycle = median(cycles);
      if (typical > gate_s * cycle) {
        r.cycle_growth = typical;
        r.cycle_s = cycle;
      }
      const double counts = params.restart_min_cycle_growth * std::fabs(level);
      cycles_grow = typical >= counts;
      r.warmup_only = !cycles_grow && typical > 0;
      const auto growing = std::count_if(growth.begin(), growth.end(), [&](double g) { return g >= counts; });
      every_cycle_grows = cycles_grow && 3 * static_cast<std::size_t>(growing) >= 2 * growth.size() &&
                          std::min(line.mk.p_increasing, drift.p_increasing) < params.earlier_alpha;
    }
  }

  const bool trend = line_trend || walk_trend || stairs_climb || every_cycle_grows;
  const double z = normal_quantile(1 - (1 - params.ci_level) / 2);
  const bool big_enough = support_above(est.slope, gate_s, est.se) >= params.min_size_support;
  // Has the late part slowed, in the reading that found the trend?
  const BlockHalves halves = block_halves(drift, runs);
  const double drop = head.slope.slope - tail.slope.slope;
  const bool line_slowed = tail.slope.slope < params.late_min_ratio * head.slope.slope &&
                           drop > z * std::sqrt(head.se * head.se + tail.se * tail.se);
  // The block rates must fall beyond their own wandering too: a random walk
  // with drift has slow stretches that a line's interval takes for a halt.
  const bool rate_falls = drift.p_rate_falling < params.slowdown_alpha;
  const bool walk_slowed = halves.late < params.late_min_ratio * halves.early && rate_falls;
  const bool slowed = est.uneven ? walk_slowed : line_slowed;
  const double late_rate = est.uneven ? halves.late : tail.slope.slope;
  const bool still_growing = stairs_climb || (!slowed && late_rate > 0);

  // Levelling off: the last segment, warm-up and all, follows a curve
  // toward a plateau, well past its time constant; its window grows no
  // faster than that curve says it should by now (a leak after a warm-up
  // grows on beyond it), and its rate still falls (a random walk does not
  // bend so regularly, nor does a leak that goes on after a cache filled).
  std::optional<Saturation> saturation;
  if (last && last->t.size() >= params.min_window_buckets && !last->staircase) {
    saturation = fit_saturation(last->t, last->y);
    const double span = last->t.back() - last->t.front();
    const bool advanced = saturation && span >= params.saturation_min_taus * saturation->tau_s;
    // Curved all along, not a knee: better than a line, and better than two
    // lines (a cache that filled, then a leak, is two lines).
    const auto knee = best_two_phase(last->t, last->y, std::max<std::size_t>(3, last->t.size() / 10));
    const bool curved = saturation && saturation->sse <= (1 - params.saturation_min_gain) * saturation->sse_line &&
                        (!knee || saturation->sse < knee->left.sse + knee->right.sse);
    bool explained = false;
    if (advanced && curved) {
      // Over the window and over its late part: a curve that only matches
      // on average (a knee, then a line) is not levelling off.
      auto expected = [&](double from, double to) { return (saturation->at(to) - saturation->at(from)) / (to - from); };
      const auto t = last->window_t();
      const auto late = late_runs.back().x;
      explained = est.slope - expected(t.front(), t.back()) <= z * est.se &&
                  tail.slope.slope - expected(late.front(), late.back()) <= z * tail.se;
    }
    if (!(advanced && curved && explained)) saturation.reset();
  }
  // Or growth that keeps slowing: a warm-up, then each later stretch at
  // half the pace or less of the one before (a warm-up's tail with more than
  // one time constant, which one curve does not fit). A leak at its own pace
  // does not halve again and again; a random walk's slow stretches do not
  // pass the test each later slowdown must pass (change_min_z). The window
  // left after the last of them must still be slowing.
  std::size_t halvings = 0;
  if (last) {
    auto halved = [](const Change& c) { return c.kind == ChangeKind::slowdown && c.slope_after < 0.5 * c.slope_before; };
    for (const auto& c : last->window.changes) halvings += halved(c) ? 1 : 0;
    if (last->window.too_late && halved(*last->window.too_late)) ++halvings;
  }
  const double early_rate = est.uneven ? halves.early : head.slope.slope;
  const bool still_halving = halvings >= 2 && late_rate < params.steady_min_ratio * early_rate;
  // A restart loop whose every cycle grows leaks whatever its last cycle's
  // curve: each new process warms up again, and a cycle bends by itself.
  const bool levelling = (saturation.has_value() || still_halving) && !stairs_climb && !every_cycle_grows;
  const std::optional<double> plateau = saturation ? std::optional(saturation->plateau) : std::nullopt;

  // A slowdown too near the end to analyse after it holds a leak back only
  // when the growth since may have stopped; in a segment just restarted it
  // is the warm-up.
  bool slowed_near_end = false;
  if (last && last->window.too_late && last->window.too_late->kind != ChangeKind::speedup &&
      last->window.too_late->t_s - last->w_from() >= params.min_window_s) {
    const auto t = last->window_t(), y = last->window_y();
    std::size_t from = 0;
    while (from < t.size() && t[from] < last->window.too_late->t_s) ++from;
    slowed_near_end = true;
    if (t.size() - from >= 3) {
      const Run since[] = {{t.subspan(from), y.subspan(from)}};
      const SlopeEstimate after = sen_slope_with_ci(since, mk_variance(since[0]), params.ci_level);
      slowed_near_end = !(after.low > gate_s);
    }
  }

  // Growth the window gave back at its latest drop was not kept. Not
  // between restarts: there a drop is the next restart, and what each
  // cycle grows is what counts.
  std::optional<GivenBack> given_back;
  if (last && v.restarts == 0)
    given_back = find_given_back(last->window_t(), last->window_y(), params.given_back_keep);

  // A window shorter than min_window_s must climb all along: growth that
  // already bends, even slightly, is a warm-up still going, whose tail the
  // window is too short to show.
  // Only its last two thirds count: what is left of a warm-up's fast tail
  // at the window's start bends it too, and then passes.
  // Read against the requests served when the load's count is known: under
  // a closed loop each request takes longer as the process grows, so a leak
  // per request slows in time but not per request; a warm-up slows per
  // request too. Without the count, growth of bend_exempt_growth times the
  // level the window began at is no warm-up's: its bend is that slowing.
  bool steady = true;
  for (const auto& r : runs) {
    const std::size_t keep = std::min(std::max<std::size_t>(6, r.x.size() * 2 / 3), r.x.size());
    const auto t = r.x.last(keep), y = r.y.last(keep);
    std::vector<double> served;
    for (const double at : t) served.push_back(requests_at(requests, at));
    const bool by_requests = !requests.empty() && requests.front().t_s <= t.front() &&
                             requests.back().t_s >= t.back() && served.back() > served.front();
    const double start = r.y.front(), grew = est.low * (r.x.back() - r.x.front());
    if (!by_requests && start > 0 && grew >= params.bend_exempt_growth * start) continue;
    steady = steady && !decelerates(by_requests ? std::span<const double>(served) : t, y, params.bend_z,
                                    params.steady_min_ratio);
  }
  const double needed_s = required_window(est, level, mib_per_unit(unit), params);
  const bool fast_enough = line.seconds >= params.min_window_s || steady;

  // A floor per GC cycle stands for several buckets: fewer of them do.
  bool per_cycle = false;
  for (const auto& w : work) per_cycle = per_cycle || (w.result.analysed && w.sawtooth.group > 1);
  const std::size_t needed_points = per_cycle ? params.min_sawtooth_cycles : params.min_window_buckets;
  const bool long_enough = line.seconds >= needed_s && line.points >= needed_points;
  const bool late_flat = tail.points >= 6 && tail.slope.high < gate_s;

  say(reason::Trend{est.slope * kHour, est.low * kHour, est.high * kHour, v.window_from_s, v.window_to_s, est.p,
                    est.uneven});
  auto say_more_time = [&] {
    const auto needed = window_needed(est, gate_s, line.seconds, params);
    say(reason::MoreTime{needed ? *needed - line.seconds : 0.0});
  };
  if (!long_enough && !stairs_climb) {
    v.deciding = say(reason::TooLittle{line.seconds, needed_s, line.points, needed_points, per_cycle});
  } else if (!fast_enough && !stairs_climb) {
    v.deciding = say(reason::Bending{line.seconds, params.min_window_s});
  } else if (trend && big_enough && cycles_grow && still_growing && !levelling && !slowed_near_end && !given_back) {
    v.kind = VerdictKind::leak;
    v.confidence = std::min(1 - est.p, support_above(est.slope, gate_s, est.se));
    if (stairs_climb) {
      v.confidence = std::max(v.confidence, 0.99);
      v.deciding = say(reason::Staircase{stairs.up, stairs.typical_step, stairs.typical_every});
    } else {
      v.deciding = say(reason::StillGrowing{late_rate * kHour, tail.seconds});
    }
    if (restart_reason) std::get<reason::Restarts>(v.reasons[*restart_reason]).hidden_leak = true;
    // Fast growth called before a full window: honest about what it cannot
    // yet tell apart.
    if (!stairs_climb && line.seconds < params.min_window_s)
      say(reason::EarlyCall{line.seconds, params.min_window_s});
  } else if (est.high < gate_s) {
    v.kind = VerdictKind::no_leak;
    v.confidence = 1 - support_above(est.slope, gate_s, est.se);
    v.deciding = say(reason::BelowGate{est.high * kHour, gate});
  } else if (late_flat && (slowed || levelling)) {
    v.kind = VerdictKind::no_leak;
    v.confidence = 1 - support_above(tail.slope.slope, gate_s, tail.se);
    v.deciding = levelling ? say(reason::LevellingOff{plateau, late_rate * kHour, tail.seconds})
                           : say(reason::Stopped{tail.slope.slope * kHour, tail.seconds, gate});
  } else if (given_back) {
    v.deciding = say(*given_back);
  } else if (!cycles_grow) {
    v.deciding = *restart_reason;
  } else if (slowed_near_end) {
    v.deciding = say(reason::SlowedNearEnd{last->window.too_late->t_s});
  } else if (levelling) {
    v.deciding = say(reason::LevellingOff{plateau, late_rate * kHour, tail.seconds});
  } else if (!trend) {
    reason::NoSteadyTrend r{est.p, est.high * kHour, std::nullopt};
    // The whole window shows the trend; only its earlier part lags behind.
    if (line.mk.p_increasing < params.alpha && line.slope.low > 0)
      r.earlier_p = line_before.mk.p_increasing;
    else if (drift.p_increasing < params.alpha && drift.low > 0)
      r.earlier_p = drift_before.p_increasing;
    v.deciding = say(r);
    say_more_time();
  } else if (!big_enough) {
    v.deciding = say(reason::BelowSize{est.slope * kHour, gate, est.low * kHour, est.high * kHour});
    say_more_time();
  } else {
    v.deciding = say(reason::Slowing{late_rate * kHour, est.slope * kHour});
  }

  // A service that rounds its figure (0.1 GB) shows no growth smaller than
  // one step: "no leak" holds only once a leak at the gate would have added
  // a step over what the claim rests on (the window, or its late part).
  if (v.kind == VerdictKind::no_leak && mib_per_unit(unit)) {
    const bool whole = std::holds_alternative<reason::BelowGate>(v.reasons[*v.deciding]);
    const double claimed_s = whole ? line.seconds : tail.seconds;
    if (const auto step = coarse_step(levels); step && *step > gate_s * claimed_s) {
      v.kind = VerdictKind::inconclusive;
      v.confidence = 0;
      v.deciding = say(reason::CoarseReadings{*step, gate, claimed_s});
    }
  }

  if (const auto full = cache_full_since(context.cache)) {
    if (*full < v.window_to_s - params.min_window_s / 2)
      say(reason::CacheFull{*full, v.kind == VerdictKind::leak});
  }
  if (!requests.empty() && v.growth != 0) {
    double served = 0;
    for (const auto& r : runs) served += requests_at(requests, r.x.back()) - requests_at(requests, r.x.front());
    if (served > 0) {
      v.growth_per_1000_requests = v.growth / served * 1000.0;
      if (*v.growth_per_1000_requests > 0) say(reason::PerRequests{*v.growth_per_1000_requests});
    }
  }
  if (context.limit && v.kind == VerdictKind::leak && last) {
    time_to_limit(v, *last, est, *context.limit);
    if (v.time_to_limit_h)
      say(reason::Limit{*context.limit, *v.time_to_limit_h, v.time_to_limit_low_h, v.time_to_limit_high_h,
                        v.restarts > 0});
  }
  return v;
}

}  // namespace lh::analysis
