#include "session/session_progress.h"

#include <cmath>
#include <cstdio>

#include "analysis/amounts.h"
#include "common/duration.h"
#include "common/grouped_count.h"

namespace lh::session {
std::string_view to_string(SessionState state) {
  switch (state) {
    case SessionState::ready: return "ready";
    case SessionState::running: return "running";
    case SessionState::paused: return "paused";
    case SessionState::finished: return "finished";
    case SessionState::stopped: return "stopped";
    case SessionState::unreachable: return "unreachable";
    case SessionState::failed: break;
  }
  return "failed";
}

bool is_over(SessionState state) {
  return state == SessionState::finished || state == SessionState::stopped || state == SessionState::unreachable ||
         state == SessionState::failed;
}

std::string progress_line(const SessionProgress& p) {
  std::string line = format_clock(Seconds(p.elapsed_s));
  if (p.remaining_s) line += " (" + format_duration(Seconds(std::ceil(*p.remaining_s))) + " left)";
  if (p.with_load)
    line += "  " + grouped_count(static_cast<std::uint64_t>(std::llround(p.requests_per_second))) + " req/s";
  if (!p.watched_series.empty()) {
    line += "  " + p.watched_series + " " +
            (std::isfinite(p.watched_value) ? analysis::format_amount(p.watched_value, p.watched_unit) : "-");
  }
  if (p.watched_verdict) {
    const analysis::Verdict& v = *p.watched_verdict;
    line += "  live: " + std::string(analysis::to_string(v.kind));
    if (v.has_estimate) {
      line += std::string(" ") + (v.slope_per_hour >= 0 ? "+" : "") + analysis::format_amount(v.slope_per_hour, v.unit) + "/h";
    }
  }
  if (p.with_load) line += "  " + grouped_count(p.errors) + (p.errors == 1 ? " error" : " errors");
  if (p.restarts > 0) line += "  " + std::to_string(p.restarts) + (p.restarts == 1 ? " restart" : " restarts");
  if (p.state == SessionState::paused) line += "  (paused)";
  return line;
}

}  // namespace lh::session
