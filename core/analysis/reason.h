#pragma once

#include <optional>
#include <variant>
#include <vector>

#include "analysis/regimes.h"
#include "analysis/sawtooth.h"

namespace lh::analysis {

// Why a verdict is what it is, as data: each reason names what was found
// and carries its figures (amounts in the series' unit, rates per hour,
// times in seconds on the series' clock). verdict_words.h turns them into
// the plain words the CLI, the report and the desktop app all show, so the
// wording lives in one place and nothing downstream parses it.
namespace reason {

struct WarmupSet {  // leak.warmup / AnalysisParameters::warmup_s
  double until_s = 0;
};
struct Gaps {  // gaps in the samples the same process went on across
  std::size_t count = 0;
  double longest_from_s = 0, longest_to_s = 0;
};
struct SegmentsSkipped {
  std::size_t skipped = 0, of = 0;
  bool between_restarts = false;
};
struct RegimeChange {  // a warm-up excluded, growth that slowed, a step, growth that starts
  Change change;
  bool first_of_segment = false;
};
struct ChangeTooLate {
  Change change;
};
struct ManyChanges {  // more than a few changes: counted, the last one named
  std::size_t count = 0, segments = 0;
  Change last;
};
struct Sawtooth {
  double period_s = 0;
};
struct Restarts {
  int count = 0;
  int inferred = 0;                     // of them, read off the series
  std::optional<double> cycle_growth;   // typical growth restart to restart, when it counts
  std::optional<double> cycle_s;        // typical time between restarts
  bool hidden_leak = false;             // the growth leaks, and the restarts hide it
  bool warmup_only = false;             // the growth is too small a share of the level to count
};
struct Trend {
  double rate = 0, low = 0, high = 0;  // per hour, with the 95 % interval
  double from_s = 0, to_s = 0;
  double p = 1;
  bool uneven = false;  // read as growth in uneven bursts (a random walk with drift)
};
struct NoReadings {};  // not one reading of the series: none came, or each was left out
struct TooLittle {
  double analysed_s = 0, needed_s = 0;
  std::size_t points = 0, needed_points = 0;  // buckets, or GC cycles
  bool cycles = false;
};
struct MoreTime {  // how much longer a run must be, at the current rate, to settle it
  double seconds = 0;
};
struct StillGrowing {
  double rate = 0, over_s = 0;
};
struct BelowGate {
  double high = 0, gate = 0;
};
struct CoarseReadings {  // readings rounded so coarsely that they sit still: no leak cannot be claimed
  double step = 0;        // the readings' step, in the series' unit
  double gate = 0;        // per hour: the least growth that counts
  double analysed_s = 0;  // what the no-leak claim would rest on
};
struct Stopped {
  double rate = 0, over_s = 0, gate = 0;
};
struct LevellingOff {
  std::optional<double> toward;  // the plateau the curve approaches, when the fit supports one
  double rate = 0, over_s = 0;   // the late part's growth
};
struct SlowedNearEnd {
  double at_s = 0;
};
using GivenBack = analysis::GivenBack;  // memory fell back near where it had risen from: its growth was not kept
struct NoSteadyTrend {
  double p = 1, high = 0;
  // Set when the whole window's trend is clear but the window without its
  // last quarter does not show it yet (its p): evidence still arriving.
  std::optional<double> earlier_p;
};
struct BelowSize {  // not sure enough to be above the gate: a small rate, or one too uncertain
  double rate = 0, gate = 0, low = 0, high = 0;
};
struct Bending {  // a short window whose growth bends down, as a warm-up's does
  double analysed_s = 0, needed_s = 0;
};
struct Slowing {
  double late_rate = 0, rate = 0;
};
struct EarlyCall {  // a leak called on fast growth before min_window_s
  double analysed_s = 0, usual_s = 0;
};
struct Staircase {
  std::size_t steps = 0;
  double typical_step = 0, every_s = 0;
};
struct CacheFull {
  double since_s = 0;
  bool still_growing = false;
};
struct PerRequests {
  double growth = 0;  // per 1,000 requests
};
struct Limit {
  double limit = 0;
  double hours = 0;
  std::optional<double> low_h, high_h;  // high_h missing: maybe never
  bool restarted = false;  // restarts kept it below: the time is where it goes without them
};

}  // namespace reason

using Reason = std::variant<reason::WarmupSet, reason::Gaps, reason::SegmentsSkipped, reason::RegimeChange,
                            reason::ChangeTooLate, reason::ManyChanges, reason::Sawtooth, reason::Restarts,
                            reason::Trend, reason::NoReadings, reason::TooLittle, reason::MoreTime, reason::StillGrowing,
                            reason::BelowGate, reason::CoarseReadings, reason::Stopped, reason::LevellingOff, reason::SlowedNearEnd,
                            reason::GivenBack,
                            reason::NoSteadyTrend, reason::BelowSize, reason::Bending, reason::Slowing, reason::EarlyCall, reason::Staircase,
                            reason::CacheFull, reason::PerRequests, reason::Limit>;

}  // namespace lh::analysis
