#include "probe/source_tracker.h"

#include <algorithm>
#include <cmath>

#include "common/duration.h"
#include "common/series_meaning.h"

namespace lh::probe {

std::optional<double> SourceTracker::watched_mib(const std::vector<Metric>& metrics) {
  // A member's memory is the member's own (PromMembers tells its restarts).
  auto value_of = [&](const std::string& name) -> std::optional<double> {
    for (const auto& m : metrics) {
      if (m.name != name || !m.member.empty()) continue;
      const auto factor = meaning_of(meaning_name(m.name)).to_mib;
      if (!factor || !std::isfinite(m.value)) return std::nullopt;
      return m.value * *factor;
    }
    return std::nullopt;
  };
  if (!watched_name_.empty()) {
    if (auto v = value_of(watched_name_)) return v;
  }
  std::vector<std::string> names;
  names.reserve(metrics.size());
  for (const auto& m : metrics) names.push_back(m.member.empty() ? meaning_name(m.name) : std::string());
  const auto picked = pick_watched_memory(names);
  if (!picked) return std::nullopt;
  watched_name_ = metrics[*picked].name;
  return value_of(watched_name_);
}

std::vector<Event> SourceTracker::update(double t_s, const SourceSample& sample) {
  std::vector<Event> events;
  if (sample.fault) {
    if (fault_ != sample.fault) {
      events.push_back(Event{t_s, source_, *sample.fault, sample.detail});
      if (!fault_) fault_since_ = t_s;
      fault_ = sample.fault;
      fault_detail_ = sample.detail;
    }
    noted_.clear();
    return events;
  }
  const bool after_fault = fault_.has_value();
  if (after_fault) {
    events.push_back(Event{t_s, source_, EventKind::recovered,
                           "answers again after " + format_duration(Seconds(t_s - fault_since_)) + " (was: " +
                               fault_detail_ + ")"});
    fault_.reset();
  }
  if (auto why = restarts_.check(sample.identity, watched_mib(sample.metrics), after_fault)) {
    events.push_back(Event{t_s, source_, EventKind::restart, *why});
  }
  std::vector<std::string> noted;
  for (const ReadNote& note : sample.notes) {
    if (std::find(noted_.begin(), noted_.end(), note.key) == noted_.end()) {
      events.push_back(Event{t_s, source_, EventKind::partial, note.detail});
    }
    noted.push_back(note.key);
  }
  noted_ = std::move(noted);
  return events;
}

}  // namespace lh::probe
