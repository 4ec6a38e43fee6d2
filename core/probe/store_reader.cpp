#include "probe/store_reader.h"

namespace lh::probe {

StoreReader::Delta StoreReader::read() {
  Delta delta;
  const std::size_t groups = store_.group_count();
  next_row_.resize(groups, 0);
  for (GroupId g = 0; g < groups; ++g) {
    if (store_.row_count(g) <= next_row_[g]) continue;
    GroupRows rows = store_.read_rows(g, next_row_[g]);
    delta.dropped_rows += rows.first_row - next_row_[g];
    next_row_[g] = rows.end_row();
    if (!rows.t.empty()) delta.rows.push_back(std::move(rows));
  }
  // Series after rows: a series that appeared while the rows were copied is
  // announced now rather than seen in rows before it was announced.
  const std::size_t series = store_.series_count();
  for (std::size_t id = series_seen_; id < series; ++id) delta.new_series.push_back(static_cast<SeriesId>(id));
  series_seen_ = series;
  EventSlice events = store_.read_events(next_event_);
  next_event_ = events.end();
  delta.events = std::move(events.events);
  return delta;
}

}  // namespace lh::probe
