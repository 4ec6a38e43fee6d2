// The series store: what goes in comes out, readers get only what is new,
// bounded stores stay flat, and readers racing a writer never see a torn row.
#include <catch2/catch.hpp>
#include <cmath>
#include <thread>

#include "probe/series_store.h"
#include "sys/proc_status.h"
#include "probe/store_reader.h"

using namespace lh::probe;

namespace {

SeriesStore::NewSeries memory_series(std::string name) {
  return {name, "svc", name, lh::meaning_of(name)};
}

}  // namespace

TEST_CASE("rows come back as written, with gaps and late series as NaN") {
  SeriesStore store;
  const GroupId g = store.add_group("probe");
  const SeriesId rss = *store.add_series(g, memory_series("rss_mb"));
  store.append_row(g, 0.0, std::vector{10.0});
  store.append_row(g, 1.0, std::vector{std::nan("")});
  const SeriesId cache = *store.add_series(g, {"cache_size", "svc", "cache_size", lh::meaning_of("cache_size")});
  store.append_row(g, 2.0, std::vector{12.0, 5.0});
  store.append_row(g, 3.0, std::vector{13.0});  // cache missing: a gap

  const GroupRows rows = store.read_rows(g, 0);
  REQUIRE(rows.t == std::vector{0.0, 1.0, 2.0, 3.0});
  REQUIRE(rows.series == std::vector{rss, cache});
  CHECK(rows.values[0][0] == 10.0);
  CHECK(std::isnan(rows.values[0][1]));
  CHECK(std::isnan(rows.values[1][0]));
  CHECK(std::isnan(rows.values[1][1]));
  CHECK(rows.values[1][2] == 5.0);
  CHECK(std::isnan(rows.values[1][3]));

  const SeriesPoints points = store.read_series(cache, 0);
  CHECK(points.first_row == 2);
  CHECK(points.t == std::vector{2.0, 3.0});

  CHECK(store.series(cache).meaning.kind == lh::SeriesKind::cache_count);
  CHECK(store.series(rss).in_mib(10.0) == 10.0);
  CHECK(std::isnan(store.series(cache).in_mib(5.0)));
  CHECK(store.find("cache_size") == cache);
  CHECK_FALSE(store.find("nope"));
}

TEST_CASE("a series is added once per source and metric, and names stay unique") {
  SeriesStore store;
  const GroupId probe = store.add_group("probe");
  const GroupId load = store.add_group("load");
  const auto a = store.add_series(probe, {"rss_mb", "a", "rss_mb", {}});
  CHECK(store.add_series(probe, {"rss_mb", "a", "rss_mb", {}}) == a);
  const auto b = store.add_series(load, {"rss_mb", "load", "rss_mb", {}});
  REQUIRE(b);
  CHECK(*b != *a);
  CHECK(store.series(*b).name == "rss_mb #2");
  CHECK(store.series(*b).column == 0);
  CHECK(store.series_in(load) == std::vector{*b});
}

TEST_CASE("a full store refuses more series instead of growing without end") {
  SeriesStore store({.max_series = 3});
  const GroupId g = store.add_group("probe");
  for (int i = 0; i < 3; ++i) CHECK(store.add_series(g, {std::to_string(i), "s", std::to_string(i), {}}));
  CHECK_FALSE(store.add_series(g, {"3", "s", "3", {}}));
  CHECK(store.series_count() == 3);
}

TEST_CASE("a reader gets only what is new since its last read") {
  SeriesStore store;
  const GroupId g = store.add_group("probe");
  StoreReader reader(store);
  CHECK(reader.read().empty());

  const SeriesId s = *store.add_series(g, memory_series("rss_mb"));
  store.append_row(g, 0.5, std::vector{1.0});
  store.add_event({0.5, "svc", lh::EventKind::unreachable, "connection refused"});
  auto first = reader.read();
  CHECK(first.new_series == std::vector{s});
  REQUIRE(first.rows.size() == 1);
  CHECK(first.rows[0].t == std::vector{0.5});
  REQUIRE(first.events.size() == 1);
  CHECK(first.events[0].detail == "connection refused");

  CHECK(reader.read().empty());
  store.append_row(g, 1.5, std::vector{2.0});
  auto second = reader.read();
  CHECK(second.new_series.empty());
  REQUIRE(second.rows.size() == 1);
  CHECK(second.rows[0].first_row == 1);
  CHECK(second.rows[0].values[0] == std::vector{2.0});
  CHECK(second.events.empty());
}

TEST_CASE("the oldest events go once the event limit is reached") {
  SeriesStore store({.max_events = 3});
  for (int i = 0; i < 5; ++i) store.add_event({double(i), "s", lh::EventKind::restart, std::to_string(i)});
  CHECK(store.event_count() == 5);
  const EventSlice all = store.read_events(0);
  CHECK(all.first == 2);
  REQUIRE(all.events.size() == 3);
  CHECK(all.events[0].detail == "2");
  CHECK(store.read_events(4).events.size() == 1);
  CHECK(store.read_events(9).events.empty());
}

TEST_CASE("a bounded store keeps the newest rows and stays flat") {
  SeriesStore store({.max_rows = 2000});
  const GroupId g = store.add_group("probe");
  for (int i = 0; i < 4; ++i) store.add_series(g, {std::to_string(i), "s", std::to_string(i), {}});
  std::vector<double> row(4);
  std::size_t bytes_when_full = 0;
  for (int r = 0; r < 50000; ++r) {
    for (int c = 0; c < 4; ++c) row[c] = r * 10.0 + c;
    store.append_row(g, r, row);
    if (r == 5000) bytes_when_full = store.memory_bytes();
  }
  CHECK(store.memory_bytes() == bytes_when_full);
  CHECK(store.row_count(g) == 50000);
  const std::uint64_t first = store.first_held_row(g);
  CHECK(50000 - first >= 2000);
  CHECK(50000 - first <= 2000 + 1024 + 1024);

  const GroupRows rows = store.read_rows(g, 0);
  CHECK(rows.first_row == first);
  REQUIRE(rows.t.size() == 50000 - first);
  for (std::size_t k = 0; k < rows.t.size(); ++k) {
    REQUIRE(rows.t[k] == double(first + k));
    REQUIRE(rows.values[3][k] == double(first + k) * 10.0 + 3);
  }

  StoreReader late(store);
  CHECK(late.read().dropped_rows == first);
}

TEST_CASE("a 24 h run of three dozen series at 1 Hz takes a few tens of MB, and bounded stays flat") {
  constexpr int kSeries = 36;
  constexpr int kDay = 86400;
  std::vector<double> row(kSeries);
  auto fill = [&](SeriesStore& store, GroupId g, int rows) {
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < kSeries; ++c) row[c] = r + c * 0.5;
      store.append_row(g, r, row);
    }
  };
  {
    const auto rss_before = lh::sys::read_own_status().rss_kib;
    SeriesStore day;
    const GroupId g = day.add_group("probe");
    for (int c = 0; c < kSeries; ++c) day.add_series(g, {std::to_string(c), "s", std::to_string(c), {}});
    fill(day, g, kDay);
    const double mib = day.memory_bytes() / 1048576.0;
    CHECK(mib > 24);  // 36 × 86,400 doubles, and a time column: nothing hidden
    CHECK(mib < 28);
    // The figure is what the process really holds, not an estimate.
    const double rss_grown = (lh::sys::read_own_status().rss_kib - rss_before) / 1024.0;
    CHECK(rss_grown < mib + 4);
    CHECK(day.read_series(35, kDay - 1).v == std::vector{kDay - 1 + 17.5});
  }
  {
    SeriesStore hour({.max_rows = 3600});
    const GroupId g = hour.add_group("probe");
    for (int c = 0; c < kSeries; ++c) hour.add_series(g, {std::to_string(c), "s", std::to_string(c), {}});
    fill(hour, g, 3 * 3600);
    const std::size_t filled = hour.memory_bytes();
    const auto rss_filled = lh::sys::read_own_status().rss_kib;
    fill(hour, g, kDay);
    CHECK(hour.memory_bytes() == filled);
    CHECK(lh::sys::read_own_status().rss_kib - rss_filled < 1024);
    CHECK(filled / 1048576.0 < 2.0);
  }
}

// A Prometheus target whose labels churn (a path or request id as a label)
// fills the store with series that each answered once. Every row wrote a gap
// into each of them: 4,096 such series cost 32 KiB a row, 115 MB an hour at
// 1 Hz. A gap where the series has nothing costs nothing now.
TEST_CASE("series that stopped answering cost no memory for the rows after, and still read as gaps") {
  constexpr int kSeries = 4095;  // and the watched one: the store's 4,096
  constexpr int kRows = 20 * 1024;
  SeriesStore store;
  const GroupId g = store.add_group("probe");
  const SeriesId watched = *store.add_series(g, memory_series("rss_mb"));
  std::vector<double> row(kSeries + 1, std::nan(""));
  for (int s = 0; s < kSeries; ++s) {
    REQUIRE(store.add_series(g, {"x" + std::to_string(s), "svc", "x" + std::to_string(s), {}}));
    row[0] = 100 + s;
    row[s + 1] = s;
    store.append_row(g, s, row);  // the series answers once, then never again
    row[s + 1] = std::nan("");
  }
  const std::size_t churned = store.memory_bytes();
  for (int r = kSeries; r < kRows; ++r) {
    row[0] = 100 + r;
    store.append_row(g, r, row);
  }
  // Only the watched series and the time column grow: 16 chunks of 8 KiB
  // each, and directory slots.
  CHECK(store.memory_bytes() - churned < 2 * 16 * 8192 + kSeries * 64);
  const GroupRows rows = store.read_rows(g, kRows - 2);
  REQUIRE(rows.t.size() == 2);
  CHECK(rows.values[0][1] == 100 + kRows - 1);
  for (std::size_t i = 1; i < rows.values.size(); ++i) CHECK(std::isnan(rows.values[i][1]));
  // A series that answers again, mid-chunk, reads as gaps before that.
  row[1] = 7;
  store.append_row(g, kRows, row);
  const SeriesPoints x0 = store.read_series(store.series_in(g)[1], kRows - 3);
  REQUIRE(x0.v.size() == 4);
  CHECK(std::isnan(x0.v[0]));
  CHECK(std::isnan(x0.v[2]));
  CHECK(x0.v[3] == 7);
  CHECK(store.read_series(watched, 0).v.size() == kRows + 1);
}

TEST_CASE("readers racing a writer never see a torn or overwritten row") {
  // A small ring makes the writer lap readers constantly: every row a reader
  // keeps must still be the row it claims to be.
  for (const std::size_t max_rows : {std::size_t{0}, std::size_t{1500}}) {
    SeriesStore store({.max_rows = max_rows});
    const GroupId g = store.add_group("probe");
    constexpr int kColumns = 6;
    for (int c = 0; c < kColumns; ++c) store.add_series(g, {std::to_string(c), "s", std::to_string(c), {}});
    constexpr std::uint64_t kRows = 300000;
    std::atomic<bool> bad = false;
    std::atomic<std::uint64_t> rows_checked = 0;

    std::thread writer([&] {
      std::vector<double> row(kColumns);
      for (std::uint64_t r = 0; r < kRows; ++r) {
        for (int c = 0; c < kColumns; ++c) row[c] = double(r) * kColumns + c;
        store.append_row(g, double(r), row);
      }
    });
    std::vector<std::thread> readers;
    for (int i = 0; i < 3; ++i) {
      readers.emplace_back([&] {
        std::uint64_t next = 0;
        while (next < kRows && !bad) {
          const GroupRows rows = store.read_rows(g, next);
          if (rows.first_row < next) bad = true;
          for (std::size_t k = 0; k < rows.t.size(); ++k) {
            const double r = double(rows.first_row + k);
            if (rows.t[k] != r) bad = true;
            for (int c = 0; c < kColumns; ++c) {
              if (rows.values[c][k] != r * kColumns + c) bad = true;
            }
          }
          rows_checked += rows.t.size();
          next = rows.end_row();
        }
      });
    }
    writer.join();
    for (auto& r : readers) r.join();
    CHECK_FALSE(bad);
    CHECK(rows_checked > 0);
  }
}
