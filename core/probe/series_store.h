#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "common/event.h"
#include "common/series_meaning.h"

namespace lh::probe {

using SeriesId = std::uint32_t;
using GroupId = std::uint32_t;
inline constexpr std::uint64_t kAllRows = std::numeric_limits<std::uint64_t>::max();

// What a series is: all a legend, a CSV header or the leak analysis needs.
// Immutable once added.
struct SeriesInfo {
  SeriesId id = 0;
  GroupId group = 0;
  std::size_t column = 0;       // its place among its group's series
  std::uint64_t first_row = 0;  // the group row of its first value; rows before are gaps
  std::string name;             // unique in the store: CSV column, legend
  std::string source;           // probe source label ("segmentation", "port:8002"), or "load"
  std::string metric;           // its name within the source: "memory.rss_mb", "rss_mb", "up{job=\"x\"}"
  SeriesMeaning meaning;        // unit, kind (memory, cpu, cache_count, status, …), MiB factor

  bool is_memory() const { return meaning.kind == SeriesKind::memory; }
  // A memory value in MiB when the unit is known; NaN otherwise.
  double in_mib(double value) const;
};

// Series sampled together share a group and its time column: one group for
// the sampler's sources (a row per tick), one for the load engine (a row
// per second). Each group has its own writer thread.
struct GroupInfo {
  GroupId id = 0;
  std::string name;  // "probe", "load"
};

// Rows [first_row, first_row + t.size()) of a group. values[i][k] is
// series[i] at t[k]; NaN is a gap.
struct GroupRows {
  GroupId group = 0;
  std::uint64_t first_row = 0;
  std::vector<double> t;
  std::vector<SeriesId> series;
  std::vector<std::vector<double>> values;
  std::uint64_t end_row() const { return first_row + t.size(); }
};

// Rows [first_row, first_row + t.size()) of one series.
struct SeriesPoints {
  SeriesId id = 0;
  std::uint64_t first_row = 0;
  std::vector<double> t;
  std::vector<double> v;
  std::uint64_t end_row() const { return first_row + t.size(); }
};

// Events [first, first + events.size()) of the store's timeline.
struct EventSlice {
  std::uint64_t first = 0;
  std::vector<Event> events;
  std::uint64_t end() const { return first + events.size(); }
};

struct StoreLimits {
  // Rows kept per group; 0 keeps every row. A bounded store keeps at least
  // this many (up to one chunk, 1,024 rows, more) and stays flat after.
  std::size_t max_rows = 0;
  std::size_t max_series = 4096;  // "max_series": new series past it are left out, with an event
  std::size_t max_groups = 64;
  std::size_t max_events = 100000;  // the oldest go first
};

// Every series of a session, probes and load alike, with its timeline of
// events. Doubles in columns of 8 KiB chunks: a day at 1 Hz is 675 KiB per
// series, so a few dozen series hold a 24 h run in a few tens of MB.
//
// Threads: rows of a group are appended by that group's one writer;
// different groups may have different writers. Any number of readers copy
// rows without a lock and without ever making a writer wait: they read only
// rows already published, and in a bounded store re-check afterwards that
// none was overwritten while they copied. Series, groups and events are
// added under mutexes that row appends never take; readers take only the
// events mutex, to copy the few events that are new.
class SeriesStore {
 public:
  explicit SeriesStore(StoreLimits limits = {});
  ~SeriesStore();
  SeriesStore(const SeriesStore&) = delete;
  SeriesStore& operator=(const SeriesStore&) = delete;

  // ---- Writing ----
  // Throws std::length_error past StoreLimits::max_groups.
  GroupId add_group(std::string name);

  struct NewSeries {
    std::string name;  // made unique with " #2", " #3" … if taken
    std::string source;
    std::string metric;
    SeriesMeaning meaning;
  };
  // The group's writer adds its series; it gets the next column. The same
  // (group, source, metric) again returns the existing series. nullopt once
  // the store holds StoreLimits::max_series series.
  std::optional<SeriesId> add_series(GroupId group, NewSeries series);

  // Appends one row: values[i] for the group's i-th series, NaN (a gap) for
  // series past the end of `values`. t_s is on the session clock.
  void append_row(GroupId group, double t_s, std::span<const double> values);

  void add_event(Event event);
  void set_watched_memory(std::optional<SeriesId> id);

  // ---- Reading (any thread) ----
  std::size_t group_count() const;
  const GroupInfo& group(GroupId id) const;
  std::size_t series_count() const;
  const SeriesInfo& series(SeriesId id) const;
  std::vector<SeriesId> series_in(GroupId group) const;
  std::optional<SeriesId> find(std::string_view name) const;
  // The one memory series that leak analysis watches; nullopt until known.
  std::optional<SeriesId> watched_memory() const;

  std::uint64_t row_count(GroupId group) const;       // rows ever appended
  std::uint64_t first_held_row(GroupId group) const;  // > 0 once a bounded store dropped rows

  // Copies rows [from, to) as far as they are held. Pass the end_row() of
  // the last read as `from` to get only what is new.
  GroupRows read_rows(GroupId group, std::uint64_t from, std::uint64_t to = kAllRows) const;
  SeriesPoints read_series(SeriesId id, std::uint64_t from, std::uint64_t to = kAllRows) const;

  std::uint64_t event_count() const;
  EventSlice read_events(std::uint64_t from) const;

  // Bytes held by columns (the bulk of the store).
  std::size_t memory_bytes() const { return allocated_.load(std::memory_order_relaxed); }
  const StoreLimits& limits() const { return limits_; }

 private:
  struct Group;
  struct Series;

  Group& group_ref(GroupId id) const;
  Series& series_ref(SeriesId id) const;
  // Copies rows of `columns` (nullptr: the time column) into `out`, after
  // clipping to what is held, and drops what a bounded store overwrote
  // meanwhile. Returns the first row of what it kept.
  std::uint64_t copy_rows(const Group& group, std::span<const Series* const> columns, std::uint64_t from,
                          std::uint64_t to, std::vector<double>& times,
                          std::vector<std::vector<double>>& values) const;

  const StoreLimits limits_;
  const std::size_t ring_chunks_;  // 0: unbounded
  std::atomic<std::size_t> allocated_{0};

  // Readers reach groups and series through these fixed tables of pointers,
  // published with release stores; entries are never removed.
  std::unique_ptr<std::atomic<Group*>[]> groups_;
  std::atomic<std::size_t> group_count_{0};
  std::unique_ptr<std::atomic<Series*>[]> series_;
  std::atomic<std::size_t> series_count_{0};

  std::mutex structure_mutex_;  // writers adding groups and series
  std::vector<std::unique_ptr<Group>> owned_groups_;
  std::vector<std::unique_ptr<Series>> owned_series_;
  // Indexes over the names the series themselves hold (SeriesInfo never
  // moves nor changes): each name is stored once.
  std::unordered_map<std::string_view, SeriesId> by_name_;
  std::map<std::tuple<GroupId, std::string_view, std::string_view>, SeriesId> by_metric_;

  mutable std::mutex events_mutex_;
  std::deque<Event> events_;
  std::uint64_t events_dropped_ = 0;
  std::atomic<std::uint64_t> event_count_{0};

  std::atomic<std::int64_t> watched_memory_{-1};
};

}  // namespace lh::probe
