#include "dashboard/store_series.h"

#include <algorithm>

#include "charts/series_providers.h"

namespace lh::ui {

struct StoreSeries::Cached {
  const probe::SeriesStore* store = nullptr;
  probe::SeriesId id = 0;
  double scale = 1;
  // Replaced rather than changed while a snapshot still holds it (a chart
  // that kept one across redraws); normally only this holds it and rows
  // are appended in place.
  std::shared_ptr<charts::SeriesColumns> columns = std::make_shared<charts::SeriesColumns>();
  std::uint64_t first_row = 0;  // the store row of columns[0]
  std::uint64_t next_row = 0;   // the first row not copied yet

  charts::SeriesColumns& writable() {
    if (columns.use_count() > 1) columns = std::make_shared<charts::SeriesColumns>(*columns);
    return *columns;
  }

  void update() {
    const probe::GroupId group = store->series(id).group;
    // A bounded store lets its oldest rows go: so does the copy.
    const std::uint64_t held = store->first_held_row(group);
    if (held > first_row && !columns->t_s.empty()) {
      const auto drop = static_cast<std::ptrdiff_t>(std::min<std::uint64_t>(held - first_row, columns->t_s.size()));
      charts::SeriesColumns& c = writable();
      c.t_s.erase(c.t_s.begin(), c.t_s.begin() + drop);
      c.values.erase(c.values.begin(), c.values.begin() + drop);
      first_row += static_cast<std::uint64_t>(drop);
    }
    probe::SeriesPoints points = store->read_series(id, next_row);
    if (points.t.empty()) return;
    charts::SeriesColumns& c = writable();
    if (c.t_s.empty() || points.first_row != next_row) {
      // The first read, or rows lost between two reads: start afresh.
      c.t_s.clear();
      c.values.clear();
      first_row = points.first_row;
    }
    // No reserve(size + n) here: at a row or two a tick it would grow the
    // vector by exactly that much every time, copying it whole and leaving
    // a trail of freed blocks the heap cannot reuse (the desktop app's own
    // memory then grew ~10 MiB/h with every series charted: bench/desktop,
    // self). push_back grows it geometrically.
    c.t_s.insert(c.t_s.end(), points.t.begin(), points.t.end());
    for (double v : points.v) c.values.push_back(v * scale);
    next_row = points.end_row();
  }
};

StoreSeries::StoreSeries(std::shared_ptr<const probe::SeriesStore> store) : store_(std::move(store)) {}

charts::SeriesProvider StoreSeries::provider(probe::SeriesId id, double scale) {
  auto& cached = cached_[{id, scale}];
  if (!cached) {
    cached = std::make_shared<Cached>();
    cached->store = store_.get();
    cached->id = id;
    cached->scale = scale;
  }
  // The provider keeps the store alive too: a chart may outlive this cache.
  return [cached = cached, store = store_] {
    cached->update();
    const auto& c = cached->columns;
    return charts::SeriesSnapshot{c->t_s, c->values, c};
  };
}

std::size_t StoreSeries::memory_bytes() const {
  std::size_t bytes = 0;
  for (const auto& [key, cached] : cached_) {
    bytes += (cached->columns->t_s.capacity() + cached->columns->values.capacity()) * sizeof(double);
  }
  return bytes;
}

}  // namespace lh::ui
