#include "analysis/verdict_text.h"

#include <cstdio>

#include "analysis/amounts.h"

namespace lh::analysis {

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
  for (const auto& r : v.reasons) out += "  - " + r + "\n";
  return out;
}

}  // namespace lh::analysis
