#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <span>

#include "common/atomic_file.h"
#include "common/clock.h"
#include "common/event.h"
#include "probe/series_store.h"

namespace lh::probe {

// The monitor CSV of a group: `t_s` (seconds on the session clock), `time`
// (ISO-8601 UTC), then one column per series, named as in the store; an
// empty field is a gap.
void write_monitor_csv(std::ostream& out, const SeriesStore& store, GroupId group, const SessionClock& clock);

// The events CSV: t_s,time,source,kind,detail.
void write_events_header(std::ostream& out);
void write_events(std::ostream& out, std::span<const Event> events, const SessionClock& clock);

// Keeps a monitor CSV file up to date while a run goes on: each
// write_new() appends the rows added since the last, and flushes, so the
// file is whole at any moment. A series that appears after the header was
// written (a source that was down at the start) cannot be a new column in
// rows already written: the file is then written again from the store,
// through lh::AtomicFile, so a reader sees the old file or the new one.
class MonitorCsvFile {
 public:
  // Throws lh::WriteError (with the system's reason) when the file cannot
  // be created.
  MonitorCsvFile(std::filesystem::path path, const SeriesStore& store, GroupId group, const SessionClock& clock);
  // Throws lh::WriteError when the file can no longer be written (disk
  // full, its folder removed), naming the system's reason.
  void write_new();

 private:
  void rewrite();

  std::filesystem::path path_;
  const SeriesStore& store_;
  GroupId group_;
  const SessionClock& clock_;
  std::unique_ptr<AtomicFile> file_;
  std::size_t columns_ = 0;
  std::uint64_t next_row_ = 0;
};

// Keeps an events CSV file up to date: write_new() appends new events.
// Both throw lh::WriteError as MonitorCsvFile's do.
class EventsCsvFile {
 public:
  EventsCsvFile(std::filesystem::path path, const SeriesStore& store, const SessionClock& clock);
  void write_new();

 private:
  const SeriesStore& store_;
  const SessionClock& clock_;
  AtomicFile file_;
  std::uint64_t next_event_ = 0;
};

}  // namespace lh::probe
