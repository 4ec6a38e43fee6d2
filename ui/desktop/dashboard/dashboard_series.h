#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "charts/chart_types.h"
#include "common/event.h"
#include "dashboard/session_view.h"

namespace lh::ui {

// Which series of a session the dashboard's fixed charts show.
struct DashboardSeries {
  std::optional<probe::SeriesId> memory;  // the watched memory
  std::optional<probe::SeriesId> cpu;     // CPU %: the memory's own source first
  std::optional<probe::SeriesId> requests_per_s;
  std::optional<probe::SeriesId> errors_per_s;
  std::optional<probe::SeriesId> p50_ms;
  std::optional<probe::SeriesId> p99_ms;

  bool operator==(const DashboardSeries&) const = default;
};

DashboardSeries pick_dashboard_series(const SessionView& view);

// A series of the load group by its metric ("requests_per_s").
std::optional<probe::SeriesId> find_load_series(const SessionView& view, std::string_view metric);

// The CPU % series that belongs with a memory series: one of its own
// source, else the service's process (not the host's), else any.
std::optional<probe::SeriesId> pick_cpu_series(const probe::SeriesStore& store, probe::GroupId group,
                                               std::optional<probe::SeriesId> memory);

// Series a person may add to the dashboard: every series of the session
// but the ones the fixed charts already show.
std::vector<probe::SeriesId> optional_series(const SessionView& view, const DashboardSeries& shown);

// What a value axis says for a series: "Memory (MiB)", "cache_size", "CPU (%)".
QString axis_title_for(const probe::SeriesInfo& info, bool in_mib);

}  // namespace lh::ui
