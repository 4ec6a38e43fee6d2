#include "probe/csv_writers.h"

#include <cerrno>
#include <cmath>
#include <cstring>

#include "common/csv.h"
#include "common/input_error.h"
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

std::ofstream open_for_writing(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::out | std::ios::trunc | std::ios::binary);
  if (!out) throw InputError("\"" + path.string() + "\": cannot be written (" + std::strerror(errno) + ")");
  return out;
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
    : path_(std::move(path)), store_(store), group_(group), clock_(clock), out_(open_for_writing(path_)) {
  rewrite();
}

void MonitorCsvFile::rewrite() {
  // Into a new file first, so a reader of the CSV never sees half of one.
  const std::filesystem::path fresh = path_.string() + ".tmp";
  std::ofstream next = open_for_writing(fresh);
  const GroupRows rows = store_.read_rows(group_, 0);
  write_header(next, store_, rows.series);
  write_rows(next, rows, clock_);
  next.flush();
  out_.close();
  std::error_code error;
  std::filesystem::rename(fresh, path_, error);
  if (error || !next) throw InputError("\"" + path_.string() + "\": cannot be written (" + error.message() + ")");
  out_ = std::move(next);
  columns_ = rows.series.size();
  next_row_ = rows.end_row();
}

void MonitorCsvFile::write_new() {
  if (store_.series_in(group_).size() != columns_) return rewrite();
  const GroupRows rows = store_.read_rows(group_, next_row_);
  // Series added between the check and the copy: their column is not in
  // the header yet.
  if (rows.series.size() != columns_) return rewrite();
  write_rows(out_, rows, clock_);
  out_.flush();
  if (!out_) throw InputError("\"" + path_.string() + "\": cannot be written (" + std::strerror(errno) + ")");
  next_row_ = rows.end_row();
}

EventsCsvFile::EventsCsvFile(std::filesystem::path path, const SeriesStore& store, const SessionClock& clock)
    : store_(store), clock_(clock), out_(open_for_writing(path)) {
  write_events_header(out_);
  out_.flush();
}

void EventsCsvFile::write_new() {
  const EventSlice slice = store_.read_events(next_event_);
  write_events(out_, slice.events, clock_);
  out_.flush();
  if (!out_) throw InputError("events file: cannot be written (" + std::string(std::strerror(errno)) + ")");
  next_event_ = slice.end();
}

}  // namespace lh::probe
