#include "dashboard/dashboard_series.h"

#include <QCoreApplication>
#include <algorithm>

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text) { return QCoreApplication::translate("DashboardSeries", text); }

}  // namespace

std::optional<probe::SeriesId> find_load_series(const SessionView& view, std::string_view metric) {
  if (view.empty() || !view.load_group) return std::nullopt;
  for (probe::SeriesId id : view.store->series_in(*view.load_group)) {
    if (view.store->series(id).metric == metric) return id;
  }
  return std::nullopt;
}

std::optional<probe::SeriesId> pick_cpu_series(const probe::SeriesStore& store, probe::GroupId group,
                                               std::optional<probe::SeriesId> memory) {
  const std::string own_source = memory ? store.series(*memory).source : std::string();
  std::optional<probe::SeriesId> best;
  int best_rank = 0;
  for (probe::SeriesId id : store.series_in(group)) {
    const probe::SeriesInfo& info = store.series(id);
    if (info.meaning.kind != SeriesKind::cpu) continue;
    const bool host = info.metric.starts_with("host");
    const int rank = info.source == own_source && !host ? 3 : !host ? 2 : 1;
    if (rank > best_rank) {
      best = id;
      best_rank = rank;
    }
  }
  return best;
}

DashboardSeries pick_dashboard_series(const SessionView& view) {
  DashboardSeries s;
  if (view.empty()) return s;
  s.memory = view.store->watched_memory();
  s.cpu = pick_cpu_series(*view.store, view.probe_group, s.memory);
  s.requests_per_s = find_load_series(view, "requests_per_s");
  s.errors_per_s = find_load_series(view, "errors_per_s");
  s.p50_ms = find_load_series(view, "p50_ms");
  s.p99_ms = find_load_series(view, "p99_ms");
  return s;
}

std::vector<probe::SeriesId> optional_series(const SessionView& view, const DashboardSeries& shown) {
  std::vector<probe::SeriesId> out;
  if (view.empty()) return out;
  const std::optional<probe::SeriesId> fixed[] = {shown.memory, shown.cpu, shown.requests_per_s,
                                                  shown.errors_per_s, shown.p50_ms, shown.p99_ms};
  const std::size_t count = view.store->series_count();
  for (probe::SeriesId id = 0; id < count; ++id) {
    if (std::find(std::begin(fixed), std::end(fixed), std::optional(id)) != std::end(fixed)) continue;
    out.push_back(id);
  }
  return out;
}

QString axis_title_for(const probe::SeriesInfo& info, bool in_mib) {
  if (info.meaning.kind == SeriesKind::memory) {
    const QString unit = in_mib ? u"MiB"_s : QString::fromUtf8(unit_symbol(info.meaning.unit));
    return unit.isEmpty() ? tr("Memory") : tr("Memory (%1)").arg(unit);
  }
  if (info.meaning.kind == SeriesKind::cpu) return tr("CPU (%)");
  const QString unit = QString::fromUtf8(unit_symbol(info.meaning.unit));
  const QString name = QString::fromStdString(info.metric);
  return unit.isEmpty() ? name : u"%1 (%2)"_s.arg(name, unit);
}

}  // namespace lh::ui
