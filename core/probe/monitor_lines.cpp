#include "probe/monitor_lines.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/duration.h"
#include "probe/metric.h"

namespace lh::probe {
namespace {

std::size_t column_of(const GroupRows& rows, SeriesId id) {
  for (std::size_t i = 0; i < rows.series.size(); ++i) {
    if (rows.series[i] == id) return i;
  }
  return rows.series.size();
}

}  // namespace

SourceHeadline headline_series(const SeriesStore& store, GroupId group, const std::string& source,
                               const std::string& watch) {
  SourceHeadline h;
  h.source = source;
  std::vector<SeriesId> ids;
  std::vector<std::string> names;
  for (SeriesId id : store.series_in(group)) {
    const SeriesInfo& s = store.series(id);
    if (s.source != source) continue;
    if (!watch.empty() && (s.name == watch || s.metric == watch)) h.memory = id;
    if (!h.cpu && s.meaning.kind == SeriesKind::cpu && s.metric.find("host") == std::string::npos) h.cpu = id;
    ids.push_back(id);
    names.push_back(meaning_name(s.metric));
  }
  if (!h.memory) {
    if (const auto picked = pick_watched_memory(names)) h.memory = ids[*picked];
  }
  return h;
}

MonitorLines::MonitorLines(const SeriesStore& store, GroupId group, std::vector<std::string> sources, std::string watch)
    : store_(store), group_(group), sources_(std::move(sources)), watch_(std::move(watch)) {}

std::string MonitorLines::source_part(const SourceHeadline& h, const GroupRows& rows, std::size_t k) const {
  std::string out = headlines_.size() > 1 ? h.source + " " : "";
  char buf[64];
  if (!h.memory) {
    out += "memory -";
  } else {
    const SeriesInfo& s = store_.series(*h.memory);
    const std::size_t c = column_of(rows, s.id);
    const double v = c < rows.values.size() ? rows.values[c][k] : std::nan("");
    const double mib = s.in_mib(v);
    if (std::isnan(v)) std::snprintf(buf, sizeof buf, " -");
    else if (!std::isnan(mib)) std::snprintf(buf, sizeof buf, " %.1f MiB", mib);
    else std::snprintf(buf, sizeof buf, " %.6g", v);
    out += s.metric + buf;
  }
  if (h.cpu) {
    const std::size_t c = column_of(rows, *h.cpu);
    const double v = c < rows.values.size() ? rows.values[c][k] : std::nan("");
    if (std::isnan(v)) std::snprintf(buf, sizeof buf, "  cpu -");
    else std::snprintf(buf, sizeof buf, "  cpu %.1f%%", v);
    out += buf;
  }
  return out;
}

std::vector<std::string> MonitorLines::next() {
  std::vector<std::string> lines;
  const GroupRows rows = store_.read_rows(group_, next_row_);
  next_row_ = rows.end_row();
  if (rows.t.empty()) return lines;

  if (store_.series_count() != series_seen_) {
    series_seen_ = store_.series_count();
    headlines_.clear();
    std::vector<std::string> shown = sources_;
    // Members of a source (a Prometheus query's pods) are sources of their
    // own, known once they have a series.
    for (SeriesId id : store_.series_in(group_)) {
      const std::string& source = store_.series(id).source;
      if (std::find(shown.begin(), shown.end(), source) == shown.end()) shown.push_back(source);
    }
    for (const auto& source : shown) headlines_.push_back(headline_series(store_, group_, source, watch_));
  }
  // A tick records its events before its row, so every event up to this
  // row's time is already there.
  EventSlice events = store_.read_events(next_event_);
  next_event_ = events.end();
  pending_events_.insert(pending_events_.end(), events.events.begin(), events.events.end());

  for (std::size_t k = 0; k < rows.t.size(); ++k) {
    std::string line = format_clock(Seconds(rows.t[k])) + "  ";
    for (std::size_t i = 0; i < headlines_.size(); ++i) {
      if (i > 0) line += " | ";
      line += source_part(headlines_[i], rows, k);
    }
    std::size_t used = 0;
    while (used < pending_events_.size() && pending_events_[used].t_s <= rows.t[k]) {
      const Event& e = pending_events_[used++];
      line += "  ! ";
      if (headlines_.size() != 1) line += e.source + " ";
      line += std::string(to_string(e.kind)) + ": " + e.detail;
    }
    pending_events_.erase(pending_events_.begin(), pending_events_.begin() + static_cast<std::ptrdiff_t>(used));
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace lh::probe
