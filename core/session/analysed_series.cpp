#include "session/analysed_series.h"

#include <algorithm>
#include <cmath>

#include "probe/metric.h"

namespace lh::session {
namespace {

bool is_memory_level(const probe::SeriesInfo& info) {
  if (!info.is_memory()) return false;
  // pick_watched_memory refuses peaks, limits and free figures: the same
  // rule decides what counts as a level here.
  const std::string name = probe::meaning_name(info.metric);
  return pick_watched_memory(std::span<const std::string>(&name, 1)).has_value();
}

}  // namespace

std::string analysis_unit(const probe::SeriesInfo& info) {
  if (info.meaning.kind == SeriesKind::cache_count) return "entries";
  return std::string(unit_symbol(info.meaning.unit));
}

std::vector<AnalysedSeries> analysed_series(const probe::SeriesStore& store, probe::GroupId probe_group,
                                            std::optional<double> memory_limit_mib) {
  const std::vector<probe::SeriesId> ids = store.series_in(probe_group);
  const auto watched = store.watched_memory();
  auto describe = [&](probe::SeriesId id) {
    const probe::SeriesInfo& info = store.series(id);
    AnalysedSeries a{id, watched == id, analysis_unit(info), std::nullopt, std::nullopt};
    if (memory_limit_mib && info.meaning.to_mib && *info.meaning.to_mib > 0) {
      a.limit = *memory_limit_mib / *info.meaning.to_mib;
    }
    if (info.is_memory()) {
      for (probe::SeriesId other : ids) {
        const probe::SeriesInfo& o = store.series(other);
        if (o.source == info.source && o.meaning.kind == SeriesKind::cache_count) {
          a.cache = other;
          break;
        }
      }
    }
    return a;
  };

  std::vector<AnalysedSeries> out;
  if (watched && std::find(ids.begin(), ids.end(), *watched) != ids.end()) out.push_back(describe(*watched));
  for (probe::SeriesId id : ids) {
    if (id == watched) continue;
    const probe::SeriesInfo& info = store.series(id);
    if (is_memory_level(info) || info.meaning.kind == SeriesKind::cache_count) out.push_back(describe(id));
  }
  return out;
}

std::vector<double> restarts_of(const probe::SeriesInfo& info, std::span<const Event> events) {
  std::vector<double> out;
  for (const Event& e : events) {
    if (e.kind == EventKind::restart && e.source == info.source) out.push_back(e.t_s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

SeriesVerdict analyse(const probe::SeriesStore& store, const AnalysedSeries& series, std::span<const Event> events,
                      std::span<const analysis::RequestCount> requests, const analysis::AnalysisParameters& params) {
  const probe::SeriesInfo& info = store.series(series.id);
  const probe::SeriesPoints points = store.read_series(series.id, 0);
  const std::vector<double> restarts = restarts_of(info, events);
  std::vector<analysis::CacheCount> cache;
  if (series.cache) {
    const probe::SeriesPoints c = store.read_series(*series.cache, 0);
    for (std::size_t k = 0; k < c.t.size(); ++k) {
      if (c.v[k] == c.v[k]) cache.push_back({c.t[k], c.v[k]});
    }
  }
  const analysis::SeriesInput input{.t_s = points.t,
                                    .values = points.v,
                                    .unit = series.unit,
                                    .restarts_s = restarts,
                                    .requests = requests,
                                    .limit = series.limit,
                                    .cache = cache};
  return SeriesVerdict{series.id, info.name, series.watched, analysis::analyze(input, params)};
}

}  // namespace lh::session
