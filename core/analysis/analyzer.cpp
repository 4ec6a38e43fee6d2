#include "analysis/analyzer.h"

#include <algorithm>
#include <variant>

#include "analysis/decide.h"

namespace lh::analysis {
namespace {

// Feeds samples in time order, starting a segment at each restart that
// falls after the previous sample and at or before this one.
void feed(BucketedSeries& buckets, std::span<const double> t, std::span<const double> v,
          std::span<const double> restarts_sorted) {
  std::size_t next_restart = 0;
  for (std::size_t i = 0; i < t.size() && i < v.size(); ++i) {
    bool restarted = false;
    while (next_restart < restarts_sorted.size() && restarts_sorted[next_restart] <= t[i]) {
      restarted = true;
      ++next_restart;
    }
    if (restarted) buckets.restart();
    buckets.add(t[i], v[i]);
  }
}

}  // namespace

Verdict analyze(const SeriesInput& input, const AnalysisParameters& params) {
  std::vector<double> restarts(input.restarts_s.begin(), input.restarts_s.end());
  std::sort(restarts.begin(), restarts.end());
  BucketedSeries buckets(params, input.restarts_known);
  feed(buckets, input.t_s, input.values, restarts);
  return decide(buckets, {input.unit, input.requests, input.cache, input.limit}, params);
}

LiveAnalyzer::LiveAnalyzer(std::string unit, AnalysisParameters params, bool restarts_known)
    : unit_(std::move(unit)), params_(params), restarts_known_(restarts_known), buckets_(params_, restarts_known) {}

void LiveAnalyzer::append(double t_s, double value) {
  if (!t_.empty() && t_s < t_.back()) return;  // out of order: dropped, as analyze() drops it
  // Restarts that arrived before their first sample take effect now.
  const bool restarted = !restarts_.empty() && !t_.empty() && restarts_.back() > t_.back() && restarts_.back() <= t_s;
  if (restarted) buckets_.restart();
  t_.push_back(t_s);
  v_.push_back(value);
  buckets_.add(t_s, value);
}

void LiveAnalyzer::add_restart(double t_s) {
  const auto at = std::upper_bound(restarts_.begin(), restarts_.end(), t_s);
  const bool in_order = at == restarts_.end() && (t_.empty() || t_s > t_.back());
  restarts_.insert(at, t_s);
  if (!in_order) rebuild();
}

void LiveAnalyzer::add_request_count(double t_s, double cumulative) {
  if (!requests_.empty() && t_s < requests_.back().t_s) return;
  requests_.push_back({t_s, cumulative});
}

void LiveAnalyzer::rebuild() {
  buckets_ = BucketedSeries(params_, restarts_known_);
  feed(buckets_, t_, v_, restarts_);
}

void LiveAnalyzer::add_cache_count(double t_s, double entries) {
  if (!cache_.empty() && t_s < cache_.back().t_s) return;
  cache_.push_back({t_s, entries});
}

Verdict LiveAnalyzer::fresh_verdict() const { return decide(buckets_, {unit_, requests_, cache_, limit_}, params_); }

Verdict LiveAnalyzer::verdict() {
  Verdict v = fresh_verdict();
  // A leak once said is kept while the fresh verdict only lacks data: too
  // little of it, a short window's bend that a full window would tell from
  // a warm-up, a trend the whole window shows and its earlier part not yet,
  // or a late part slower than the whole that a longer run will tell. It
  // goes on evidence against it: growth stopped or below the size that
  // counts, levelled off, slowed near the end, no trend at all.
  const auto lacks_data = [](const Reason& r) {
    if (const auto* t = std::get_if<reason::NoSteadyTrend>(&r)) return t->earlier_p.has_value();
    return std::holds_alternative<reason::TooLittle>(r) || std::holds_alternative<reason::Bending>(r) ||
           std::holds_alternative<reason::Slowing>(r);
  };
  const bool wants_data = v.kind == VerdictKind::inconclusive && v.deciding && lacks_data(v.reasons[*v.deciding]);
  // Unless the growth the leak was said on has since been read as a warm-up:
  // the window now begins after the one it was said on ended, and what grows
  // there is a fraction of the leak that was said (a warm-up's tail, cut off
  // again and again, always has "too little data" after its latest cut).
  const bool reread = said_leak_ && v.has_estimate && v.window_from_s >= said_leak_->window_to_s &&
                      v.slope_ci_high < params_.late_min_ratio * said_leak_->slope_per_hour;
  // And unless the growth has bent down, as a warm-up's does, for as long
  // as the window the leak was said on: a bend that persists is evidence,
  // not want of data (a burst's chance bend passes sooner).
  const bool bends = v.deciding && std::holds_alternative<reason::Bending>(v.reasons[*v.deciding]);
  if (!bends) bending_since_.reset();
  else if (!bending_since_) bending_since_ = v.window_to_s;
  const bool bent = said_leak_ && bending_since_ &&
                    v.window_to_s - *bending_since_ >= said_leak_->window_to_s - said_leak_->window_from_s;
  if (v.kind == VerdictKind::leak) {
    said_leak_ = v;
  } else if (said_leak_ && wants_data && !reread && !bent) {
    return *said_leak_;
  } else {
    said_leak_.reset();
  }
  return v;
}

}  // namespace lh::analysis
