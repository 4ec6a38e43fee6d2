#include "analysis/verdict_words.h"

#include <cmath>
#include <cstdio>

#include "analysis/amounts.h"
#include "common/duration.h"

namespace lh::analysis {
namespace {

std::string clock(double t) { return format_clock(Seconds(t)); }
std::string span(double seconds) { return format_duration(Seconds(seconds)); }

std::string p_text(double p) {
  if (p < 0.001) return "p < 0.001";
  char buf[32];
  std::snprintf(buf, sizeof buf, "p = %.3f", p);
  return buf;
}

// "14 h", "2.5 h", or under an hour "12m 30s".
std::string hours(double h) {
  if (h < 1) return span(h * 3600);
  char buf[32];
  std::snprintf(buf, sizeof buf, h < 10 ? "%.1f h" : "%.0f h", h);
  return buf;
}

// "about 2.1 h (1.8 h to 2.5 h)": the time to a limit with its interval,
// "to never" when the interval's low slope does not reach it, and no
// interval when both ends read as the point does.
std::string time_to_limit_words(double point_h, std::optional<double> low_h, std::optional<double> high_h) {
  std::string text = "about " + hours(point_h);
  const std::string upper = high_h ? hours(*high_h) : std::string("never");
  if (low_h && (hours(*low_h) != hours(point_h) || upper != hours(point_h)))
    text += " (" + hours(*low_h) + " to " + upper + ")";
  return text;
}

// Words for one reason, in one unit.
class Words {
 public:
  explicit Words(std::string_view unit) : unit_(unit) {}

  std::string amount(double value) const { return format_amount(value, unit_); }
  std::string rate(double per_hour) const { return amount(per_hour) + "/h"; }

  std::string operator()(const reason::WarmupSet& r) const {
    return "warm-up until " + clock(r.until_s) + " excluded, as set";
  }
  std::string operator()(const reason::Gaps& r) const {
    const bool one = r.count == 1;
    return std::to_string(r.count) + (one ? " gap" : " gaps") + " in the samples" + (one ? " (" : " (the longest ") +
           clock(r.longest_from_s) + " to " + clock(r.longest_to_s) + "), with memory at the same level after " +
           (one ? "it" : "them") + ": the same process went on";
  }
  std::string operator()(const reason::SegmentsSkipped& r) const {
    return std::to_string(r.skipped) + " of " + std::to_string(r.of) + " segments too short to analyse" +
           (r.between_restarts ? " (between restarts)" : "");
  }
  std::string operator()(const reason::RegimeChange& r) const { return change(r.change, r.first_of_segment); }
  std::string operator()(const reason::ChangeTooLate& r) const {
    const char* what = r.change.kind == ChangeKind::speedup ? "growth quickened"
                       : r.change.kind == ChangeKind::step  ? "a step"
                                                            : "growth slowed";
    return std::string(what) + " at " + clock(r.change.t_s) + ", too near the end to analyse on its own";
  }
  std::string operator()(const reason::ManyChanges& r) const {
    return std::to_string(r.count) + " warm-ups or changes of regime excluded in " + std::to_string(r.segments) +
           " segments; the last: " + change(r.last, false);
  }
  std::string operator()(const reason::Sawtooth& r) const {
    return "memory drops every " + span(r.period_s) +
           " or so (garbage collection); analysed on the floor of each cycle";
  }
  std::string operator()(const reason::Restarts& r) const {
    std::string line = std::to_string(r.count) + (r.count == 1 ? " restart" : " restarts");
    if (r.inferred == r.count && r.count > 0) {
      line += " (seen as memory falling back to where it started)";
    } else if (r.inferred > 0) {
      line += " (" + std::to_string(r.inferred) + " seen as memory falling back to where it started)";
    }
    if (r.cycle_growth) {
      line += "; grows about " + amount(*r.cycle_growth) + " between each";
      if (r.cycle_s) line += " (every " + span(*r.cycle_s) + " or so)";
    } else if (r.count >= 1) {
      line += "; no growth that counts between them";
    }
    if (r.warmup_only) line += ": too little a share of the level to be more than each new process warming up";
    if (r.hidden_leak) line += ": it leaks between restarts, and the restarts hide it";
    return line;
  }
  std::string operator()(const reason::Trend& r) const {
    const std::string trend = r.rate > 0   ? "grows " + rate(r.rate)
                              : r.rate < 0 ? "shrinks " + rate(-r.rate)
                                           : "holds level";
    return trend + " (95 % CI " + rate(r.low) + " to " + rate(r.high) + ") from " + clock(r.from_s) + " to " +
           clock(r.to_s) + (r.uneven ? "; the floor climbs in uneven bursts, upward drift " : "; upward trend ") +
           p_text(r.p);
  }
  std::string operator()(const reason::NoReadings&) const {
    return "no readings of it: the events say what its source answered instead";
  }
  std::string operator()(const reason::TooLittle& r) const {
    if (r.analysed_s >= r.needed_s && r.points < r.needed_points) {
      const char* what = r.cycles ? " garbage-collection cycles" : " time buckets";
      return "too little data after warm-up: " + span(r.analysed_s) + " analysed in " + std::to_string(r.points) +
             what + ", a verdict needs " + std::to_string(r.needed_points);
    }
    // Nothing after warm-up yet (a run still in its warm-up): no rate to speak of.
    if (!(r.analysed_s > 0)) return "no data after warm-up yet: a verdict needs " + span(r.needed_s) + " of it";
    return "too little data after warm-up: " + span(r.analysed_s) + " analysed, a verdict needs " + span(r.needed_s) +
           " at the current rate";
  }
  std::string operator()(const reason::MoreTime& r) const {
    return r.seconds > 0 ? "at the current rate, about " + span(r.seconds) + " more would settle it"
                         : "at the current rate, a longer run will not settle it soon";
  }
  std::string operator()(const reason::StillGrowing& r) const {
    return "still growing at the end: " + rate(r.rate) + " over the last " + span(r.over_s);
  }
  std::string operator()(const reason::BelowGate& r) const {
    return "any growth is below the " + rate(r.gate) + " that counts as a leak (at most " + rate(r.high) + ")";
  }
  std::string operator()(const reason::CoarseReadings& r) const {
    return "the readings come in steps of " + amount(r.step) + " and mostly repeat: a leak of " + rate(r.gate) +
           ", the least that counts, would take " + hours(r.step / r.gate) + " to add one step, and " +
           span(r.analysed_s) + " were analysed";
  }
  std::string operator()(const reason::Stopped& r) const {
    return "growth stopped: " + rate(r.rate) + " over the last " + span(r.over_s) + ", below the " + rate(r.gate) +
           " that counts as a leak";
  }
  std::string operator()(const reason::LevellingOff& r) const {
    std::string line = "levelling off";
    if (r.toward) line += " toward ~" + amount(*r.toward);
    return line + ": the growth slows steadily, " + rate(r.rate) + " over the last " + span(r.over_s) +
           " (a warm-up or a cache filling up, not a leak so far)";
  }
  std::string operator()(const reason::SlowedNearEnd&) const {
    return "growth slowed near the end: too little data since to tell whether it stopped";
  }
  std::string operator()(const reason::GivenBack& r) const {
    return "memory fell back at " + clock(r.at_s) + " from " + amount(r.from) + " to " + amount(r.to) + ", near the " +
           amount(r.base) + " it had risen from: the growth was given back (a garbage collection or a cache " +
           "emptied), and a leak keeps what it takes";
  }
  std::string operator()(const reason::NoSteadyTrend& r) const {
    if (r.earlier_p)
      return "upward over the window (" + p_text(r.p) + ") but not yet without its last quarter (" +
             p_text(*r.earlier_p) + "): too new to call steady, and a leak up to " + rate(r.high) +
             " cannot be ruled out";
    return "not a steady upward trend (" + p_text(r.p) + "), yet a leak up to " + rate(r.high) + " cannot be ruled out";
  }
  std::string operator()(const reason::BelowSize& r) const {
    if (r.rate < r.gate)
      return "grows, but " + rate(r.rate) + " is below the " + rate(r.gate) + " that counts as a leak, and up to " +
             rate(r.high) + " cannot be ruled out";
    // The estimate clears the gate, its interval does not: the growth is too
    // uneven to be sure of its size.
    return "grows " + rate(r.rate) + ", but too unevenly to be sure it is above the " + rate(r.gate) +
           " that counts as a leak (95 % CI " + rate(r.low) + " to " + rate(r.high) + ")";
  }
  std::string operator()(const reason::Bending& r) const {
    return "the growth bends down over the " + span(r.analysed_s) +
           " analysed, as a warm-up's does: too early to tell it from one (up to " + span(r.needed_s) + ")";
  }
  std::string operator()(const reason::Slowing& r) const {
    return "the last part grows only " + rate(r.late_rate) + " of the " + rate(r.rate) +
           ": slowing down, maybe levelling off; a longer run will tell";
  }
  std::string operator()(const reason::EarlyCall& r) const {
    return "called early, on fast growth over " + span(r.analysed_s) + " (steady growth needs " + span(r.usual_s) +
           "): a cache filling this fast looks the same until it is full";
  }
  std::string operator()(const reason::Staircase& r) const {
    return "memory climbs in steps: " + std::to_string(r.steps) + " steps up of about " + amount(r.typical_step) +
           ", every " + span(r.every_s) + " or so, none given back";
  }
  std::string operator()(const reason::CacheFull& r) const {
    return r.still_growing ? "growth continues after the cache stopped growing at " + clock(r.since_s)
                           : "the cache stopped growing at " + clock(r.since_s);
  }
  std::string operator()(const reason::PerRequests& r) const {
    return "grows " + amount(r.growth) + " per 1,000 requests";
  }
  std::string operator()(const reason::Limit& r) const {
    if (r.hours <= 0) return "already at or above the limit of " + amount(r.limit);
    const std::string line = (r.restarted ? "would reach the limit of " : "reaches the limit of ") + amount(r.limit) +
                             " in " + time_to_limit_words(r.hours, r.low_h, r.high_h);
    return r.restarted ? line + " without restarts" : line;
  }

 private:
  std::string change(const Change& c, bool first) const {
    switch (c.kind) {
      case ChangeKind::slowdown:
        return first ? "warm-up until " + clock(c.t_s) + " excluded (growth slowed from " +
                           rate(c.slope_before * 3600) + " to " + rate(c.slope_after * 3600) + ")" +
                           (c.excluded_to_s > c.t_s ? ", and its tail until " + clock(c.excluded_to_s) : "")
                     : "growth slowed at " + clock(c.t_s) + " (from " + rate(c.slope_before * 3600) + " to " +
                           rate(c.slope_after * 3600) + "); analysed from there";
      case ChangeKind::step:
        return "a one-off step of " + std::string(c.jump >= 0 ? "+" : "") + amount(c.jump) + " at " + clock(c.t_s) +
               " (memory taken once, such as a model or a pool); analysed from " +
               (c.excluded_to_s > c.t_s ? clock(c.excluded_to_s) : std::string("there"));
      case ChangeKind::speedup:
        break;
    }
    return "growth starts at " + clock(c.t_s) + " (from " + rate(c.slope_before * 3600) + " to " +
           rate(c.slope_after * 3600) + "); analysed from there";
  }

  std::string_view unit_;
};

std::string rate_text(double per_hour, const std::string& unit) { return format_amount(per_hour, unit) + "/h"; }

std::string span_of(const Verdict& v) { return "from " + clock(v.window_from_s) + " to " + clock(v.window_to_s); }

}  // namespace

std::string_view to_string(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::leak:
      return "leak";
    case VerdictKind::no_leak:
      return "no_leak";
    case VerdictKind::inconclusive:
      break;
  }
  return "inconclusive";
}

std::string describe(const Reason& reason, std::string_view unit) { return std::visit(Words(unit), reason); }

std::vector<std::string> reason_lines(const Verdict& v) {
  std::vector<std::string> lines;
  lines.reserve(v.reasons.size());
  for (const Reason& r : v.reasons) lines.push_back(describe(r, v.unit));
  return lines;
}

std::string deciding_reason(const Verdict& v) {
  if (!v.deciding || *v.deciding >= v.reasons.size()) return {};
  std::string text = describe(v.reasons[*v.deciding], v.unit);
  // "Too little data" goes with how much more would settle it.
  if (*v.deciding + 1 < v.reasons.size() && std::holds_alternative<reason::MoreTime>(v.reasons[*v.deciding + 1]))
    text += "; " + describe(v.reasons[*v.deciding + 1], v.unit);
  return text;
}

std::string format_verdict(const Verdict& v) {
  std::string out(to_string(v.kind));
  if (v.kind != VerdictKind::inconclusive) {
    char buf[48];
    std::snprintf(buf, sizeof buf, " (confidence %.2f)", v.confidence);
    out += buf;
  }
  if (v.has_estimate) {
    out += ": " + format_amount(v.slope_per_hour, v.unit) + "/h (95 % CI " + format_amount(v.slope_ci_low, v.unit) +
           " to " + format_amount(v.slope_ci_high, v.unit) + "/h)";
  }
  out += '\n';
  for (const auto& line : reason_lines(v)) out += "  - " + line + "\n";
  return out;
}

std::string time_to_limit_text(const Verdict& v) {
  if (!v.time_to_limit_h) return {};
  if (*v.time_to_limit_h <= 0) return "already past it";
  const std::string text = time_to_limit_words(*v.time_to_limit_h, v.time_to_limit_low_h, v.time_to_limit_high_h);
  return v.restarts > 0 ? text + ", without restarts" : text;
}

std::string verdict_sentence(std::string_view series_name, const Verdict& v) {
  const std::string name(series_name);
  const std::string decided = deciding_reason(v);
  switch (v.kind) {
    case VerdictKind::leak: {
      std::string s = "Leak: " + name + " grows " + rate_text(v.slope_per_hour, v.unit) + " (95 % CI " +
                      rate_text(v.slope_ci_low, v.unit) + " to " + rate_text(v.slope_ci_high, v.unit) + ") " +
                      span_of(v);
      if (v.restarts > 0) {
        s += " across " + std::to_string(v.restarts) + (v.restarts == 1 ? " restart" : " restarts");
        for (const Reason& r : v.reasons) {
          const auto* restarts = std::get_if<reason::Restarts>(&r);
          if (restarts && restarts->hidden_leak && restarts->cycle_growth)
            s += " (about " + format_amount(*restarts->cycle_growth, v.unit) + " each cycle, hidden by the restarts)";
        }
      }
      if (v.growth_per_1000_requests) {
        s += ", about " + format_amount(*v.growth_per_1000_requests, v.unit) + " per 1,000 requests";
      }
      if (v.time_to_limit_h) {
        const std::string in = "its limit in about " + hours(*v.time_to_limit_h);
        s += *v.time_to_limit_h <= 0 ? ", and is already at its limit"
             : v.restarts > 0        ? ", and without restarts would reach " + in
                                     : ", and reaches " + in;
      }
      return s + ".";
    }
    case VerdictKind::no_leak:
      if (v.has_estimate && v.slope_ci_high <= v.practical_slope_per_hour) {
        return "No leak: " + name + " grows at most " + rate_text(std::max(0.0, v.slope_ci_high), v.unit) + " " +
               span_of(v) + ", below the " + rate_text(v.practical_slope_per_hour, v.unit) + " that counts as a leak.";
      }
      if (v.deciding && std::holds_alternative<reason::Stopped>(v.reasons[*v.deciding]))
        return "No leak: " + name + " grew, then its " + decided + ".";
      return "No leak: " + name + " " + span_of(v) + ": " + (decided.empty() ? "no growth that counts" : decided) + ".";
    case VerdictKind::inconclusive:
      break;
  }
  return "Inconclusive for " + name + ": " + (decided.empty() ? "the evidence is too weak either way" : decided) + ".";
}

}  // namespace lh::analysis
