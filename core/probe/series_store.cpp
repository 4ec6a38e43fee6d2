#include "probe/series_store.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "probe/column.h"

namespace lh::probe {

using detail::Column;

struct SeriesStore::Group {
  Group(GroupInfo i, std::size_t ring_chunks, std::atomic<std::size_t>& allocated)
      : info(std::move(i)), times(ring_chunks, allocated) {}
  const GroupInfo info;
  Column times;
  std::atomic<std::uint64_t> rows{0};   // published row count
  std::atomic<std::uint64_t> begin{0};  // oldest row still held
  std::vector<Series*> members;         // the writer's view, in column order
};

struct SeriesStore::Series {
  Series(SeriesInfo i, std::size_t ring_chunks, std::atomic<std::size_t>& allocated)
      : info(std::move(i)), values(ring_chunks, allocated) {}
  const SeriesInfo info;
  Column values;
};

double SeriesInfo::in_mib(double value) const {
  return is_memory() && meaning.to_mib ? value * *meaning.to_mib : std::nan("");
}

SeriesStore::SeriesStore(StoreLimits limits)
    : limits_(limits),
      ring_chunks_(limits.max_rows == 0 ? 0 : (limits.max_rows + Column::kChunkRows - 1) / Column::kChunkRows + 1),
      groups_(std::make_unique<std::atomic<Group*>[]>(limits.max_groups)),
      series_(std::make_unique<std::atomic<Series*>[]>(limits.max_series)) {}

SeriesStore::~SeriesStore() = default;

GroupId SeriesStore::add_group(std::string name) {
  std::lock_guard lock(structure_mutex_);
  const std::size_t id = owned_groups_.size();
  if (id >= limits_.max_groups) throw std::length_error("series store: more than " + std::to_string(limits_.max_groups) + " groups");
  owned_groups_.push_back(
      std::make_unique<Group>(GroupInfo{static_cast<GroupId>(id), std::move(name)}, ring_chunks_, allocated_));
  groups_[id].store(owned_groups_.back().get(), std::memory_order_release);
  group_count_.store(id + 1, std::memory_order_release);
  return static_cast<GroupId>(id);
}

std::optional<SeriesId> SeriesStore::add_series(GroupId group_id, NewSeries spec) {
  Group& group = group_ref(group_id);
  std::lock_guard lock(structure_mutex_);
  if (auto it = by_metric_.find(std::make_tuple(group_id, std::string_view(spec.source), std::string_view(spec.metric)));
      it != by_metric_.end()) {
    return it->second;
  }
  const std::size_t id = owned_series_.size();
  if (id >= limits_.max_series) return std::nullopt;

  std::string name = spec.name;
  for (int n = 2; by_name_.contains(std::string_view(name)); ++n) name = spec.name + " #" + std::to_string(n);
  SeriesInfo info;
  info.id = static_cast<SeriesId>(id);
  info.group = group_id;
  info.column = group.members.size();
  // Rows are appended by this same writer, so the count cannot move under us.
  info.first_row = group.rows.load(std::memory_order_relaxed);
  info.name = std::move(name);
  info.source = std::move(spec.source);
  info.metric = std::move(spec.metric);
  info.meaning = spec.meaning;

  owned_series_.push_back(std::make_unique<Series>(std::move(info), ring_chunks_, allocated_));
  Series* series = owned_series_.back().get();
  group.members.push_back(series);
  const SeriesInfo& held = series->info;
  by_name_.emplace(held.name, held.id);
  by_metric_.emplace(std::make_tuple(group_id, std::string_view(held.source), std::string_view(held.metric)), held.id);
  series_[id].store(series, std::memory_order_release);
  series_count_.store(id + 1, std::memory_order_release);
  return series->info.id;
}

void SeriesStore::append_row(GroupId group_id, double t_s, std::span<const double> values) {
  Group& group = group_ref(group_id);
  const std::uint64_t row = group.rows.load(std::memory_order_relaxed);
  if (ring_chunks_ > 0 && row % Column::kChunkRows == 0 && row / Column::kChunkRows >= ring_chunks_) {
    // This row starts a chunk that reuses the oldest one: say so before
    // writing into it, so a reader copying that chunk sees its copy is stale.
    group.begin.store((row / Column::kChunkRows - ring_chunks_ + 1) * Column::kChunkRows, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
  }
  group.times.write(row, t_s);
  for (std::size_t i = 0; i < group.members.size(); ++i) {
    group.members[i]->values.write(row, i < values.size() ? values[i] : std::nan(""));
  }
  group.rows.store(row + 1, std::memory_order_release);
}

void SeriesStore::add_event(Event event) {
  std::lock_guard lock(events_mutex_);
  events_.push_back(std::move(event));
  if (limits_.max_events > 0 && events_.size() > limits_.max_events) {
    events_.pop_front();
    ++events_dropped_;
  }
  event_count_.store(events_dropped_ + events_.size(), std::memory_order_release);
}

void SeriesStore::set_watched_memory(std::optional<SeriesId> id) {
  watched_memory_.store(id ? static_cast<std::int64_t>(*id) : -1, std::memory_order_release);
}

std::size_t SeriesStore::group_count() const { return group_count_.load(std::memory_order_acquire); }

SeriesStore::Group& SeriesStore::group_ref(GroupId id) const {
  if (id >= group_count()) throw std::out_of_range("series store: no group " + std::to_string(id));
  return *groups_[id].load(std::memory_order_acquire);
}

const GroupInfo& SeriesStore::group(GroupId id) const { return group_ref(id).info; }

std::size_t SeriesStore::series_count() const { return series_count_.load(std::memory_order_acquire); }

SeriesStore::Series& SeriesStore::series_ref(SeriesId id) const {
  if (id >= series_count()) throw std::out_of_range("series store: no series " + std::to_string(id));
  return *series_[id].load(std::memory_order_acquire);
}

const SeriesInfo& SeriesStore::series(SeriesId id) const { return series_ref(id).info; }

std::vector<SeriesId> SeriesStore::series_in(GroupId group) const {
  std::vector<SeriesId> ids;
  const std::size_t n = series_count();
  for (std::size_t i = 0; i < n; ++i) {
    const Series* s = series_[i].load(std::memory_order_acquire);
    if (s->info.group == group) ids.push_back(s->info.id);
  }
  return ids;
}

std::optional<SeriesId> SeriesStore::find(std::string_view name) const {
  const std::size_t n = series_count();
  for (std::size_t i = 0; i < n; ++i) {
    const Series* s = series_[i].load(std::memory_order_acquire);
    if (s->info.name == name) return s->info.id;
  }
  return std::nullopt;
}

std::optional<SeriesId> SeriesStore::watched_memory() const {
  const std::int64_t id = watched_memory_.load(std::memory_order_acquire);
  if (id < 0) return std::nullopt;
  return static_cast<SeriesId>(id);
}

std::uint64_t SeriesStore::row_count(GroupId group) const {
  return group_ref(group).rows.load(std::memory_order_acquire);
}

std::uint64_t SeriesStore::first_held_row(GroupId group) const {
  return group_ref(group).begin.load(std::memory_order_acquire);
}

std::uint64_t SeriesStore::copy_rows(const Group& group, std::span<const Series* const> columns, std::uint64_t from,
                                     std::uint64_t to, std::vector<double>& times,
                                     std::vector<std::vector<double>>& values) const {
  const std::uint64_t end = std::min(to, group.rows.load(std::memory_order_acquire));
  const std::uint64_t start = std::min(end, std::max(from, group.begin.load(std::memory_order_acquire)));
  const std::size_t n = static_cast<std::size_t>(end - start);
  times.resize(n);
  values.assign(columns.size(), std::vector<double>(n));
  for (std::size_t k = 0; k < n; ++k) times[k] = group.times.read(start + k);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const Series& s = *columns[c];
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint64_t row = start + k;
      values[c][k] = row < s.info.first_row ? std::nan("") : s.values.read(row);
    }
  }
  // The seqlock check: if any value we copied was written after the writer
  // moved `begin` past it, this fence makes that move visible here.
  std::atomic_thread_fence(std::memory_order_acquire);
  const std::uint64_t begin_now = group.begin.load(std::memory_order_relaxed);
  if (begin_now <= start) return start;
  const auto stale = static_cast<std::ptrdiff_t>(std::min<std::uint64_t>(begin_now - start, n));
  times.erase(times.begin(), times.begin() + stale);
  for (auto& v : values) v.erase(v.begin(), v.begin() + stale);
  return start + static_cast<std::uint64_t>(stale);
}

GroupRows SeriesStore::read_rows(GroupId group_id, std::uint64_t from, std::uint64_t to) const {
  const Group& group = group_ref(group_id);
  GroupRows out;
  out.group = group_id;
  out.series = series_in(group_id);
  std::vector<const Series*> columns;
  for (SeriesId id : out.series) columns.push_back(&series_ref(id));
  out.first_row = copy_rows(group, columns, from, to, out.t, out.values);
  return out;
}

SeriesPoints SeriesStore::read_series(SeriesId id, std::uint64_t from, std::uint64_t to) const {
  const Series& series = series_ref(id);
  const Series* columns[] = {&series};
  std::vector<std::vector<double>> values;
  SeriesPoints out;
  out.id = id;
  // Rows before a series began are gaps: skip them rather than copy NaNs.
  out.first_row = copy_rows(group_ref(series.info.group), columns, std::max(from, series.info.first_row), to, out.t, values);
  out.v = std::move(values.front());
  return out;
}

std::uint64_t SeriesStore::event_count() const { return event_count_.load(std::memory_order_acquire); }

EventSlice SeriesStore::read_events(std::uint64_t from) const {
  EventSlice out;
  std::lock_guard lock(events_mutex_);
  out.first = std::max(from, events_dropped_);
  const std::uint64_t end = events_dropped_ + events_.size();
  for (std::uint64_t i = out.first; i < end; ++i) out.events.push_back(events_[i - events_dropped_]);
  if (out.first > end) out.first = end;
  return out;
}

}  // namespace lh::probe
