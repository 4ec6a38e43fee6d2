#include "session/verdict_sentence.h"

#include <cstdio>

#include "analysis/amounts.h"
#include "common/duration.h"

namespace lh::session {
namespace {

std::string rate(double per_hour, const std::string& unit) { return analysis::format_amount(per_hour, unit) + "/h"; }

std::string span_of(const analysis::Verdict& v) {
  return "from " + format_clock(Seconds(v.window_from_s)) + " to " + format_clock(Seconds(v.window_to_s));
}

std::string hours(double h) {
  char buf[32];
  if (h < 1) {
    std::snprintf(buf, sizeof buf, "%.0f min", h * 60);
  } else {
    std::snprintf(buf, sizeof buf, h < 10 ? "%.1f h" : "%.0f h", h);
  }
  return buf;
}

// The reason that held an inconclusive verdict back: the one after the
// trend line (reasons.cpp writes the trend, then why it did not decide).
std::string deciding_reason(const analysis::Verdict& v) {
  for (std::size_t i = 0; i < v.reasons.size(); ++i) {
    if (v.reasons[i].rfind("too little data", 0) == 0) return v.reasons[i];
  }
  for (std::size_t i = 0; i + 1 < v.reasons.size(); ++i) {
    if (v.reasons[i].find("95 % CI") != std::string::npos) return v.reasons[i + 1];
  }
  return v.reasons.empty() ? std::string("the evidence is too weak either way") : v.reasons.back();
}

}  // namespace

std::string verdict_sentence(const SeriesVerdict& sv) {
  const analysis::Verdict& v = sv.verdict;
  switch (v.kind) {
    case analysis::VerdictKind::leak: {
      std::string s = "Leak: " + sv.name + " grows " + rate(v.slope_per_hour, v.unit) + " (95 % CI " +
                      rate(v.slope_ci_low, v.unit) + " to " + rate(v.slope_ci_high, v.unit) + ") " + span_of(v);
      if (v.restarts > 0) s += " across " + std::to_string(v.restarts) + (v.restarts == 1 ? " restart" : " restarts");
      if (v.growth_per_1000_requests) {
        s += ", about " + analysis::format_amount(*v.growth_per_1000_requests, v.unit) + " per 1,000 requests";
      }
      if (v.time_to_limit_h) {
        s += *v.time_to_limit_h <= 0 ? ", and is already at its limit"
                                     : ", and reaches its limit in about " + hours(*v.time_to_limit_h);
      }
      return s + ".";
    }
    case analysis::VerdictKind::no_leak:
      if (v.slope_ci_high <= v.practical_slope_per_hour) {
        return "No leak: " + sv.name + " grows at most " + rate(std::max(0.0, v.slope_ci_high), v.unit) + " " +
               span_of(v) + ", below the " + rate(v.practical_slope_per_hour, v.unit) + " that counts as a leak.";
      }
      // Grew, then stopped: the late part's reason says how.
      for (const std::string& r : v.reasons) {
        if (r.rfind("growth stopped", 0) == 0) return "No leak: " + sv.name + " grew, then its " + r + ".";
      }
      return "No leak: " + sv.name + " " + span_of(v) + ": " + deciding_reason(v) + ".";
    case analysis::VerdictKind::inconclusive:
      break;
  }
  return "Inconclusive for " + sv.name + ": " + deciding_reason(v) + ".";
}

}  // namespace lh::session
