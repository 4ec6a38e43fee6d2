#include "report/session_charts.h"

#include <algorithm>
#include <cmath>

#include "charts/event_markers.h"
#include "charts/limit_line.h"
#include "probe/monitor_lines.h"
#include "session/load_series.h"

namespace lh::ui::report {

using namespace Qt::StringLiterals;
using charts::ChartContent;
using charts::MarkerKind;
using charts::ValueAxis;

namespace {

// A value missing for less than this many usual steps (a figure measured
// only every few samples, such as PSS) is drawn across; a longer gap (the
// service was down) is a break in the line.
constexpr double kBridgedSteps = 3;

QString q(const std::string& text) { return QString::fromStdString(text); }

charts::ChartSeries series_of(const SessionChartSource& source, probe::SeriesId id, ValueAxis axis, int slot,
                              const QString& name = {}) {
  return {charts::SeriesSpec{name.isEmpty() ? q(source.store.series(id).name) : name, axis, slot}, source.provider(id),
          true};
}

std::vector<charts::ReferenceLine> limit_line(const SessionChartSource& source, const probe::SeriesInfo& info) {
  if (!source.memory_limit_mib || !info.meaning.to_mib || !(*info.meaning.to_mib > 0)) return {};
  return {charts::memory_limit_line(*source.memory_limit_mib / *info.meaning.to_mib, *source.memory_limit_mib)};
}

std::optional<probe::SeriesId> load_series(const SessionChartSource& source, std::string_view metric) {
  return source.load_group ? session::find_load_series(source.store, metric) : std::nullopt;
}

// The service's own CPU %: its source's, else another source's (a port:
// or pid: probe beside a service that reports only memory); never the host's.
std::optional<probe::SeriesId> service_cpu(const SessionChartSource& source, const probe::SeriesInfo& memory) {
  const probe::SourceHeadline own = probe::headline_series(source.store, source.probe_group, memory.source, memory.name);
  if (own.cpu) return own.cpu;
  for (probe::SeriesId id : source.store.series_in(source.probe_group)) {
    const probe::SeriesInfo& s = source.store.series(id);
    if (s.meaning.kind == SeriesKind::cpu && s.metric.find("host") == std::string::npos) return id;
  }
  return std::nullopt;
}

}  // namespace

charts::SeriesProvider copied_series(std::shared_ptr<const probe::SeriesStore> store, probe::SeriesId id) {
  return [store = std::move(store), id] {
    auto points = std::make_shared<probe::SeriesPoints>(store->read_series(id, 0));
    bridge_short_gaps(points->t, points->v);
    return charts::SeriesSnapshot{points->t, points->v, points};
  };
}

void bridge_short_gaps(std::vector<double>& t, std::vector<double>& v) {
  // The usual time between measured values: the median step.
  std::vector<double> steps;
  double last = std::nan("");
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (std::isnan(v[k])) continue;
    if (!std::isnan(last)) steps.push_back(t[k] - last);
    last = t[k];
  }
  if (steps.empty()) return;
  std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2), steps.end());
  const double longest_bridged = kBridgedSteps * steps[steps.size() / 2];
  std::size_t out = 0;
  double previous_value_t = std::nan("");
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (std::isnan(v[k])) {
      // Keep the gap's first NaN only if the next value is far away.
      std::size_t next = k;
      while (next < t.size() && std::isnan(v[next])) ++next;
      const bool bridged = !std::isnan(previous_value_t) && next < t.size() && t[next] - previous_value_t <= longest_bridged;
      if (!bridged) {
        t[out] = t[k];
        v[out++] = v[k];
      }
      k = next - 1;
      continue;
    }
    t[out] = t[k];
    v[out++] = v[k];
    previous_value_t = t[k];
  }
  t.resize(out);
  v.resize(out);
}

QString axis_title(const probe::SeriesInfo& info) {
  const std::string_view unit = unit_symbol(info.meaning.unit);
  QString what;
  switch (info.meaning.kind) {
    case SeriesKind::memory: what = u"Memory"_s; break;
    case SeriesKind::cpu: what = u"CPU"_s; break;
    case SeriesKind::cache_count: what = u"Cache entries"_s; break;
    default: what = q(info.metric); break;
  }
  return unit.empty() ? what : what + u" ("_s + q(std::string(unit)) + u")"_s;
}

std::optional<ChartContent> watched_memory_chart(const SessionChartSource& source, bool with_cpu) {
  const auto watched = source.store.watched_memory();
  if (!watched) return std::nullopt;
  const probe::SeriesInfo& info = source.store.series(*watched);
  ChartContent c;
  c.title = with_cpu ? u"Watched memory and CPU"_s : u"Watched memory"_s;
  c.left_axis = {axis_title(info), true};
  c.series.push_back(series_of(source, *watched, ValueAxis::left, 0));
  if (with_cpu) {
    if (const auto cpu = service_cpu(source, info)) {
      c.right_axis = charts::AxisSpec{u"CPU (%)"_s, true};
      c.series.push_back(series_of(source, *cpu, ValueAxis::right, 1));
    } else {
      c.title = u"Watched memory (no CPU % among the probes' series)"_s;
    }
  }
  c.markers = charts::event_markers(source.events);
  c.reference_lines = limit_line(source, info);
  return c;
}

std::optional<ChartContent> throughput_chart(const SessionChartSource& source) {
  const auto requests = load_series(source, session::load_metric::requests_per_s);
  if (!requests) return std::nullopt;
  ChartContent c;
  c.title = u"Throughput"_s;
  c.left_axis = {u"Requests per second"_s, true};
  c.series.push_back(series_of(source, *requests, ValueAxis::left, 2, u"requests/s"_s));
  if (const auto errors = load_series(source, session::load_metric::errors_per_s)) {
    c.series.push_back(series_of(source, *errors, ValueAxis::left, 1, u"errors/s"_s));
  }
  c.markers = charts::event_markers(source.events);
  return c;
}

std::optional<ChartContent> latency_chart(const SessionChartSource& source) {
  const auto p99 = load_series(source, session::load_metric::p99_ms);
  const auto p50 = load_series(source, session::load_metric::p50_ms);
  if (!p99 || !p50) return std::nullopt;
  ChartContent c;
  c.title = u"Latency"_s;
  c.left_axis = {u"Latency (ms)"_s, true};
  c.series.push_back(series_of(source, *p99, ValueAxis::left, 3, u"p99"_s));
  c.series.push_back(series_of(source, *p50, ValueAxis::left, 4, u"p50"_s));
  c.markers = charts::event_markers(source.events);
  return c;
}

ChartContent series_chart(const SessionChartSource& source, probe::SeriesId id) {
  const probe::SeriesInfo& info = source.store.series(id);
  ChartContent c;
  c.title = q(info.name);
  c.left_axis = {axis_title(info), true};
  c.series.push_back(series_of(source, id, ValueAxis::left, info.meaning.kind == SeriesKind::cache_count ? 5 : 0));
  c.markers = charts::event_markers(source.events);
  c.reference_lines = limit_line(source, info);
  return c;
}

}  // namespace lh::ui::report
