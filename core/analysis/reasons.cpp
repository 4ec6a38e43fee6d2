#include "analysis/reasons.h"

#include <algorithm>
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

}  // namespace

std::string ReasonWriter::rate(double per_second) const { return amount(per_second * 3600.0) + "/h"; }
std::string ReasonWriter::amount(double value) const { return format_amount(value, unit_); }

void ReasonWriter::set_warmup(double until_s) {
  lines_.push_back("warm-up until " + clock(until_s) + " excluded, as set");
}

void ReasonWriter::segments(std::size_t count, int restarts, const std::vector<SegmentResult>& results) {
  std::size_t gaps = 0, skipped = 0;
  double longest = 0, longest_from = 0, longest_to = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!results[i].analysed) ++skipped;
    if (results[i].cause != SegmentCause::gap || i == 0) continue;
    ++gaps;
    const double from = results[i - 1].to_s, to = results[i].from_s;
    if (to - from > longest) {
      longest = to - from;
      longest_from = from;
      longest_to = to;
    }
  }
  if (gaps > 0) {
    lines_.push_back(std::to_string(gaps) + (gaps == 1 ? " gap" : " gaps") + " in the samples split the series" +
                     (gaps == 1 ? " (" : " (the longest ") + clock(longest_from) + " to " + clock(longest_to) +
                     "); each part is analysed on its own");
  }
  if (skipped > 0 && count > 1) {
    lines_.push_back(std::to_string(skipped) + " of " + std::to_string(count) + " segments too short to analyse" +
                     (restarts > 0 ? " (between restarts)" : ""));
  }
}

void ReasonWriter::changes(const Window& window) {
  if (!window.changes.empty()) ++segments_with_changes_;
  bool first = true;
  for (const auto& c : window.changes) {
    std::string line;
    switch (c.kind) {
      case ChangeKind::slowdown:
        line = first ? "warm-up until " + clock(c.t_s) + " excluded (growth slowed from " + rate(c.slope_before) +
                           " to " + rate(c.slope_after) + ")" +
                           (c.excluded_to_s > c.t_s ? ", and its tail until " + clock(c.excluded_to_s) : "")
                     : "growth slowed at " + clock(c.t_s) + " (from " + rate(c.slope_before) + " to " +
                           rate(c.slope_after) + "); analysed from there";
        break;
      case ChangeKind::step:
        line = "a one-off step of " + std::string(c.jump >= 0 ? "+" : "") + amount(c.jump) + " at " + clock(c.t_s) +
               " (memory taken once, such as a model or a pool); analysed from " +
               (c.excluded_to_s > c.t_s ? clock(c.excluded_to_s) : std::string("there"));
        break;
      case ChangeKind::speedup:
        line = "growth starts at " + clock(c.t_s) + " (from " + rate(c.slope_before) + " to " + rate(c.slope_after) +
               "); analysed from there";
        break;
    }
    change_lines_.push_back(line);
    first = false;
  }
  if (window.too_late) {
    const auto& c = *window.too_late;
    const char* what = c.kind == ChangeKind::speedup ? "growth quickened"
                       : c.kind == ChangeKind::step  ? "a step"
                                                     : "growth slowed";
    change_lines_.push_back(std::string(what) + " at " + clock(c.t_s) + ", too near the end to analyse on its own");
  }
}

void ReasonWriter::sawtooth(double period_s) {
  if (sawtooth_said_) return;
  sawtooth_said_ = true;
  lines_.push_back("memory drops every " + span(period_s) +
                   " or so (garbage collection); analysed on the floor of each cycle");
}

void ReasonWriter::flush_changes() {
  if (!restart_line_.empty()) lines_.push_back(std::move(restart_line_));
  restart_line_.clear();
  if (change_lines_.size() <= 3) {
    lines_.insert(lines_.end(), change_lines_.begin(), change_lines_.end());
  } else {
    lines_.push_back(std::to_string(change_lines_.size()) + " warm-ups or changes of regime excluded in " +
                     std::to_string(std::max<std::size_t>(segments_with_changes_, 1)) +
                     " segments; the last: " + change_lines_.back());
  }
  change_lines_.clear();
}

void ReasonWriter::restart_growth(int restarts, const std::vector<SegmentResult>& segments, double gate) {
  // Growth over a whole cycle, restart to restart, at the cycle's slope;
  // below what the size gate allows over a cycle it is no growth.
  std::vector<double> growth, cycles;
  for (const auto& s : segments) {
    if (!s.analysed) continue;
    growth.push_back(s.slope_per_hour / 3600.0 * (s.to_s - s.from_s));
    cycles.push_back(s.to_s - s.from_s);
  }
  std::string line = std::to_string(restarts) + (restarts == 1 ? " restart" : " restarts");
  if (growth.size() >= 2) {
    const auto mid = static_cast<std::ptrdiff_t>(growth.size() / 2);
    std::nth_element(growth.begin(), growth.begin() + mid, growth.end());
    std::nth_element(cycles.begin(), cycles.begin() + mid, cycles.end());
    const double typical = growth[growth.size() / 2];
    line += typical > gate * cycles[cycles.size() / 2] ? "; grows about " + amount(typical) + " between each"
                                                       : "; no growth that counts between them";
  }
  restart_line_ = line;
}

void ReasonWriter::window(const SlopeEstimate& s, double p, double from_s, double to_s) {
  flush_changes();
  const std::string trend = s.slope > 0   ? "grows " + rate(s.slope)
                            : s.slope < 0 ? "shrinks " + rate(-s.slope)
                                          : "holds level";
  lines_.push_back(trend + " (95 % CI " + rate(s.low) + " to " + rate(s.high) + ") from " + clock(from_s) + " to " +
                   clock(to_s) + "; upward trend " + p_text(p));
}

void ReasonWriter::too_little(double analysed_s, double needed_s) {
  flush_changes();
  lines_.push_back("too little data after warm-up: " + span(analysed_s) + " analysed, a verdict needs " +
                   span(needed_s));
}

void ReasonWriter::still_growing(double late_slope, double late_s) {
  lines_.push_back("still growing at the end: " + rate(late_slope) + " over the last " + span(late_s));
}

void ReasonWriter::below_gate(double high, double gate) {
  lines_.push_back("any growth is below the " + rate(gate) + " that counts as a leak (at most " + rate(high) + ")");
}

void ReasonWriter::stopped(double late_slope, double late_s, double gate) {
  lines_.push_back("growth stopped: " + rate(late_slope) + " over the last " + span(late_s) + ", below the " +
                   rate(gate) + " that counts as a leak");
}

void ReasonWriter::undecided(Gates passed, const SlopeEstimate& all, const SlopeEstimate& late, double gate, double p) {
  if (passed.slowed_near_end) {
    lines_.push_back("growth slowed near the end: too little data since to tell whether it stopped");
  } else if (!passed.trend) {
    lines_.push_back("not a steady upward trend (" + p_text(p) + "), yet a leak up to " + rate(all.high) +
                     " cannot be ruled out");
  } else if (!passed.big_enough) {
    lines_.push_back("grows, but " + rate(all.slope) + " is below the " + rate(gate) +
                     " that counts as a leak, and up to " + rate(all.high) + " cannot be ruled out");
  } else if (!passed.still_growing) {
    lines_.push_back("the last part grows only " + rate(late.slope) + " of the " + rate(all.slope) +
                     ": slowing down, maybe levelling off; a longer run will tell");
  }
}

void ReasonWriter::cache_full(double since_s, bool still_growing) {
  lines_.push_back(still_growing ? "growth continues after the cache stopped growing at " + clock(since_s)
                                 : "the cache stopped growing at " + clock(since_s));
}

void ReasonWriter::per_requests(double growth_per_1000) {
  if (growth_per_1000 <= 0) return;
  lines_.push_back("grows " + amount(growth_per_1000) + " per 1,000 requests");
}

void ReasonWriter::limit(double limit, std::optional<double> h, std::optional<double> low, std::optional<double> high) {
  if (!h) return;
  if (*h <= 0) {
    lines_.push_back("already at or above the limit of " + amount(limit));
    return;
  }
  std::string line = "reaches the limit of " + amount(limit) + " in about " + hours(*h);
  const std::string upper = high ? hours(*high) : std::string("never");
  if (low && (hours(*low) != hours(*h) || upper != hours(*h))) line += " (" + hours(*low) + " to " + upper + ")";
  lines_.push_back(line);
}

std::vector<std::string> ReasonWriter::take() {
  flush_changes();
  return std::move(lines_);
}

}  // namespace lh::analysis
