#include "probe/csv_writers.h"

#include <cmath>

#include "common/csv.h"
#include "common/iso_time.h"

namespace lh::probe {
namespace {

// Milliseconds are all a sample's time carries; more digits are noise.
double rounded_ms(double t_s) { return std::round(t_s * 1000.0) / 1000.0; }

void write_rows(std::ostream& out, const GroupRows& rows, const SessionClock& clock) {
  CsvWriter csv(out);
  for (std::size_t k = 0; k < rows.t.size(); ++k) {
    csv.field(rounded_ms(rows.t[k])).field(format_iso8601(clock.wall_at(rows.t[k])));
    for (const auto& column : rows.values) csv.field(column[k]);
    csv.end_row();
  }
}

void write_header(std::ostream& out, const SeriesStore& store, std::span<const SeriesId> series) {
  CsvWriter csv(out);
  csv.field("t_s").field("time");
  for (SeriesId id : series) csv.field(store.series(id).name);
  csv.end_row();
}

}  // namespace

void write_monitor_csv(std::ostream& out, const SeriesStore& store, GroupId group, const SessionClock& clock) {
  const GroupRows rows = store.read_rows(group, 0);
  write_header(out, store, rows.series);
  write_rows(out, rows, clock);
}

void write_events_header(std::ostream& out) {
  CsvWriter(out).field("t_s").field("time").field("source").field("kind").field("detail").end_row();
}

void write_events(std::ostream& out, std::span<const Event> events, const SessionClock& clock) {
  CsvWriter csv(out);
  for (const auto& e : events) {
    csv.field(rounded_ms(e.t_s)).field(format_iso8601(clock.wall_at(e.t_s))).field(e.source).field(to_string(e.kind)).field(e.detail);
    csv.end_row();
  }
}

MonitorCsvFile::MonitorCsvFile(std::filesystem::path path, const SeriesStore& store, GroupId group,
                               const SessionClock& clock)
    : path_(std::move(path)), store_(store), group_(group), clock_(clock) {
  rewrite();
}

void MonitorCsvFile::rewrite() {
  auto next = std::make_unique<AtomicFile>(path_);
  const GroupRows rows = store_.read_rows(group_, 0);
  write_header(next->stream(), store_, rows.series);
  write_rows(next->stream(), rows, clock_);
  next->commit();  // the rows are appended to it from now on
  file_ = std::move(next);
  columns_ = rows.series.size();
  next_row_ = rows.end_row();
}

void MonitorCsvFile::write_new() {
  if (store_.series_in(group_).size() != columns_) return rewrite();
  const GroupRows rows = store_.read_rows(group_, next_row_);
  // Series added between the check and the copy: their column is not in
  // the header yet.
  if (rows.series.size() != columns_) return rewrite();
  write_rows(file_->stream(), rows, clock_);
  file_->flush();
  next_row_ = rows.end_row();
}

EventsCsvFile::EventsCsvFile(std::filesystem::path path, const SeriesStore& store, const SessionClock& clock)
    : store_(store), clock_(clock), file_(std::move(path)) {
  write_events_header(file_.stream());
  file_.commit();
}

void EventsCsvFile::write_new() {
  const EventSlice slice = store_.read_events(next_event_);
  write_events(file_.stream(), slice.events, clock_);
  file_.flush();
  next_event_ = slice.end();
}

}  // namespace lh::probe
