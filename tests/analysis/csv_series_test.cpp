// Reading a series from a monitor-style CSV, and the one-line errors.
#include "analysis/csv_series.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "common/input_error.h"

using namespace lh::analysis;

namespace {

CsvSeries read(const std::string& text, std::optional<std::string> column = std::nullopt,
               std::optional<std::string> time_column = std::nullopt) {
  std::istringstream in(text);
  return read_series_csv(in, "run.csv", column, time_column);
}

}  // namespace

TEST_CASE("the memory column is picked as the sampler picks it: gaps are NaN") {
  const auto s = read(
      "t_s,time,language_processor.cache_size,memory.peak_rss_mb,memory.rss_mb\n"
      "0,2026-01-01T00:00:00Z,1,20,10\n"
      "1,2026-01-01T00:00:01Z,2,20,\n"
      "2,2026-01-01T00:00:02Z,3,21,11\n"
      "3,2026-01-01T00:00:03Z,4,21,12\n");
  CHECK(s.column == "memory.rss_mb");
  CHECK(s.unit == "MiB");
  CHECK(s.t_s == std::vector<double>{0, 1, 2, 3});
  REQUIRE(s.values.size() == 4);
  CHECK(std::isnan(s.values[1]));
  CHECK(s.values[3] == 12);
}

TEST_CASE("ISO times count from the first row: restarts come from pid and uptime columns") {
  const auto s = read(
      "time,health.memory_usage_gb,health.pid,health.uptime_seconds,load.requests\n"
      "2026-01-01T00:00:00Z,1.0,100,50,0\n"
      "2026-01-01T00:00:10Z,1.1,100,60,10\n"
      "2026-01-01T00:00:20Z,,,,20\n"
      "2026-01-01T00:00:30Z,0.9,101,3,30\n"
      "2026-01-01T00:00:40Z,1.0,101,13,40\n");
  CHECK(s.column == "health.memory_usage_gb");
  CHECK(s.unit == "GiB");
  CHECK(s.time_from_first_row);
  CHECK(s.time_column == "time");
  CHECK(s.t_s.back() == 40);
  // pid changes at 30 s and uptime drops there: one restart.
  REQUIRE(s.restarts_s.size() == 1);
  CHECK(s.restarts_s[0] == 30);
  CHECK(s.restart_columns == std::vector<std::string>{"health.pid", "health.uptime_seconds"});
  CHECK(s.requests.size() == 5);
  CHECK(s.requests.back().count == 40);
}

TEST_CASE("restart rows of an events CSV are read on the series' clock") {
  const auto s = read("t_s,rss_mb\n0,1\n1,2\n2,3\n");
  std::istringstream events(
      "t_s,time,source,kind,detail\n"
      "0.5,2026-01-01T00:00:00.5Z,svc,unreachable,refused\n"
      "1.5,2026-01-01T00:00:01.5Z,svc,restart,new pid 7\n");
  CHECK(read_restart_events(events, "events.csv", s) == std::vector<double>{1.5});

  // A series timed by ISO time only: events are placed by their ISO time.
  const auto iso = read("time,rss_mb\n2026-01-01T00:00:10Z,1\n2026-01-01T00:00:11Z,2\n2026-01-01T00:00:12Z,3\n");
  std::istringstream iso_events("t_s,time,source,kind,detail\n99,2026-01-01T00:00:11.5Z,svc,restart,x\n");
  CHECK(read_restart_events(iso_events, "events.csv", iso) == std::vector<double>{1.5});
  std::istringstream no_time("t_s,time,source,kind,detail\n,,svc,restart,x\n");
  CHECK_THROWS_WITH(read_restart_events(no_time, "events.csv", iso), Catch::Contains("events.csv line 2: column time"));
  // A series timed by t_s alone cannot place an event timed by ISO time alone.
  std::istringstream iso_only("t_s,time,source,kind,detail\n,2026-01-01T00:00:11Z,svc,restart,x\n");
  CHECK_THROWS_WITH(read_restart_events(iso_only, "events.csv", s),
                    "events.csv line 2: a restart with no time on the series' clock (t_s, or an ISO time the series "
                    "also has)");
}

TEST_CASE("bad input is one line naming what is wrong") {
  CHECK_THROWS_WITH(read("a,b\n1,2\n"),
                    "run.csv: no time column in the header: expected t_s (seconds), time or timestamp (an ISO-8601 "
                    "time or seconds since 1970), or one named with --time-column (columns: a, b)");
  CHECK_THROWS_WITH(read("t_s,rss_mb\n0,1\n,2\n"), "run.csv line 3: column t_s: the time is empty");
  CHECK_THROWS_WITH(read("t_s;rss_mb\n0;1\n"),
                    "run.csv: the header t_s;rss_mb is one column: expected columns separated by commas, not "
                    "semicolons");
  CHECK_THROWS_WITH(read("t_s\trss_mb\n0\t1\n"), Catch::EndsWith("is one column: expected columns separated by "
                                                                 "commas, not tabs"));
  CHECK_THROWS_WITH(read("t_s,cpu_percent\n0,1\n"),
                    "run.csv: no memory column found; choose one with --column (columns: cpu_percent)");
  CHECK_THROWS_WITH(read("t_s,rss_mb\n0,1\n", std::string("heap")),
                    "--column heap: no such value column in run.csv (columns: rss_mb)");
  CHECK_THROWS_WITH(read("t_s,rss_mb\n0,1\n1,x2\n2,3\n"),
                    "run.csv line 3: column rss_mb: expected a number, got \"x2\"");
  CHECK_THROWS_WITH(read("t_s,rss_mb\n0,1\n1\n"), "run.csv line 3: 1 fields, the header has 2");
  CHECK_THROWS_WITH(read("t_s,rss_mb\n5,1\n4,1\n"), "run.csv line 3: time goes backwards");
  CHECK_THROWS_WITH(read("t_s,rss_mb\n0,1\n1,\n2,3\n"), "run.csv: column rss_mb has 2 values; at least 3 are needed");
  CHECK_THROWS_AS(read(""), lh::InputError);
  // Differences of such numbers overflow every fit: "inf TiB/h" was once said.
  CHECK_THROWS_WITH(read("t_s,rss_mb\n0,1\n1,1e308\n2,3\n"),
                    "run.csv line 3: column rss_mb: expected at most 16 EiB (2^64 bytes), got \"1e308\"");
  CHECK_THROWS_WITH(read("t_s,rss_mb,x\n0,1,1\n1,1,-1e300\n2,3,1\n", std::string("x")),
                    "run.csv line 3: column x: expected a number within ±2^64, got \"-1e300\"");
}

TEST_CASE("a field or a column name with a line break is quoted, not printed raw (found by fuzzing)") {
  CHECK_THROWS_WITH(read("t_s,rss_mb\n0,1\n1,\"x\n2y\"\n2,3\n"),
                    "run.csv line 3: column rss_mb: expected a number, got \"x\\n2y\"");
  CHECK_THROWS_WITH(read("t_s,\"rss\nmb\"\n0,1\n1,x\n"),
                    "run.csv line 4: column \"rss\\nmb\": expected a number, got \"x\"");
  CHECK_THROWS_WITH(read("time,rss_mb\n\"2026\n01\",1\n"), Catch::Contains("got \"2026\\n01\""));
  std::string wide = "t_s";
  for (int i = 0; i < 100; ++i) wide += ",c" + std::to_string(i);
  CHECK_THROWS_WITH(read(wide + "\n0" + std::string(100, ',') + "\n"), Catch::EndsWith("c19 and 80 more)"));
}

TEST_CASE("a chosen value column is read in its own unit") {
  const auto s = read("t_s,heap_bytes,rss_mb\n0,100,1\n1,200,2\n2,300,3\n", std::string("heap_bytes"));
  CHECK(s.column == "heap_bytes");
  CHECK(s.unit == "B");
  CHECK(s.values == std::vector<double>{100, 200, 300});
}

TEST_CASE("header names are read without the spaces around them, as people type them") {
  const auto s = read("t_s, rss_mb ,note\n0, 10,a\n1, 11,b\n2, 12,c\n", std::string("rss_mb"));
  CHECK(s.column == "rss_mb");
  CHECK(s.values == std::vector<double>{10, 11, 12});
  CHECK(read("t_s , rss_mb\n0,1\n1,2\n2,3\n").column == "rss_mb");
}

TEST_CASE("a time column of people's own scripts: seconds since 1970, ISO times, or one named") {
  // `date +%s`: seconds since 1970, counted from the first row; the wall clock is known.
  const auto unix_time = read("timestamp,rss_mb\n1765000000,1\n1765000002,2\n1765000004.5,3\n");
  CHECK(unix_time.time_column == "timestamp");
  CHECK(unix_time.t_s == std::vector<double>{0, 2, 4.5});
  REQUIRE(unix_time.epoch_at_zero);
  CHECK(*unix_time.epoch_at_zero == 1765000000);
  std::istringstream iso_events("t_s,time,source,kind,detail\n,2025-12-06T05:46:43Z,svc,restart,x\n");
  CHECK(read_restart_events(iso_events, "events.csv", unix_time) == std::vector<double>{3});

  // A `time` column of numbers is read the same way; ISO `timestamp`s too.
  CHECK(read("time,rss_mb\n1765000000,1\n1765000010,2\n1765000020,3\n").t_s == std::vector<double>{0, 10, 20});
  CHECK(read("timestamp,rss_mb\n2026-01-01 00:00:00,1\n2026-01-01 00:00:30,2\n2026-01-01 00:01:00,3\n").t_s ==
        std::vector<double>{0, 30, 60});

  // A column of the user's own naming: seconds since the start, no wall clock.
  const auto elapsed = read("elapsed,memory_mb\n10,1\n20,2\n30,3\n", std::nullopt, std::string("elapsed"));
  CHECK(elapsed.column == "memory_mb");
  CHECK(elapsed.t_s == std::vector<double>{0, 10, 20});
  CHECK_FALSE(elapsed.epoch_at_zero);
  // Named, t_s is read as it is.
  CHECK(read("t_s,rss_mb\n5,1\n6,2\n7,3\n", std::nullopt, std::string("t_s")).t_s == std::vector<double>{5, 6, 7});
  // The time column is never the value column.
  CHECK_THROWS_WITH(read("elapsed,memory_mb\n10,1\n", std::string("elapsed"), std::string("elapsed")),
                    "--column elapsed: no such value column in run.csv (columns: memory_mb)");

  // What is refused, on one line each.
  CHECK_THROWS_WITH(read("a,rss_mb\n1,2\n", std::nullopt, std::string("when")),
                    "--time-column when: no such column in run.csv (columns: a, rss_mb)");
  CHECK_THROWS_WITH(read("timestamp,rss_mb\n1765000000000,1\n"),
                    "run.csv line 2: column timestamp: expected seconds, got \"1765000000000\" (milliseconds since "
                    "1970? divide by 1000)");
  CHECK_THROWS_WITH(read("timestamp,rss_mb\n1765000000,1\n2026-01-01T00:00:00Z,2\n"),
                    "run.csv line 3: column timestamp: expected a number of seconds as in the first row, got "
                    "\"2026-01-01T00:00:00Z\"");
  CHECK_THROWS_WITH(read("time,rss_mb\nyesterday,1\n"),
                    "run.csv line 2: column time: expected an ISO-8601 time such as \"2026-05-31T14:02:03Z\" or a "
                    "number of seconds, got \"yesterday\"");
  CHECK_THROWS_WITH(read("t_s,rss_mb\n2026-01-01T00:00:00Z,1\n"),
                    "run.csv line 2: column t_s: expected a number of seconds, got \"2026-01-01T00:00:00Z\"");
}
