// The monitor and events CSV files, read back with LeakHound's CSV reader.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "common/csv.h"
#include "common/input_error.h"
#include "common/iso_time.h"
#include "probe/csv_writers.h"

using namespace lh::probe;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::istringstream in(text);
  lh::CsvReader reader(in);
  std::vector<std::vector<std::string>> rows;
  for (std::vector<std::string> fields; reader.next(fields);) rows.push_back(fields);
  return rows;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A directory of its own under the build's temp dir, removed at the end.
struct TempDir {
  TempDir() : path(std::filesystem::temp_directory_path() / ("lh-probe-csv-" + std::to_string(getpid()))) {
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

const lh::SessionClock kClock(lh::MonoClock::now(), lh::parse_iso8601("2026-05-31T14:00:00Z"));

}  // namespace

TEST_CASE("the monitor CSV: t_s, time, a column per series, gaps empty") {
  SeriesStore store;
  const GroupId g = store.add_group("probe");
  store.add_series(g, {"seg/memory.rss_mb", "seg", "memory.rss_mb", {}});
  store.add_series(g, {"up{job=\"a,b\"}", "prom", "up{job=\"a,b\"}", {}});
  store.append_row(g, 0.0004, std::vector{512.5, 1.0});
  store.append_row(g, 1.0006, std::vector{std::nan(""), 0.0});
  std::ostringstream out;
  write_monitor_csv(out, store, g, kClock);
  const auto rows = read_csv(out.str());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"t_s", "time", "seg/memory.rss_mb", "up{job=\"a,b\"}"});
  CHECK(rows[1] == std::vector<std::string>{"0", "2026-05-31T14:00:00.000Z", "512.5", "1"});
  CHECK(rows[2] == std::vector<std::string>{"1.001", "2026-05-31T14:00:01.000Z", "", "0"});
}

TEST_CASE("the events CSV: t_s,time,source,kind,detail") {
  std::ostringstream out;
  write_events_header(out);
  const std::vector<lh::Event> events{{2.5, "conversion", lh::EventKind::restart, "pid 1 -> 2"},
                                      {3, "seg", lh::EventKind::bad_response, "HTTP 500: \"boom, again\""}};
  write_events(out, events, kClock);
  const auto rows = read_csv(out.str());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"t_s", "time", "source", "kind", "detail"});
  CHECK(rows[1] == std::vector<std::string>{"2.5", "2026-05-31T14:00:02.500Z", "conversion", "restart", "pid 1 -> 2"});
  CHECK(rows[2][3] == "bad_response");
  CHECK(rows[2][4] == "HTTP 500: \"boom, again\"");
}

TEST_CASE("a CSV file grows row by row, and is written again when a series appears") {
  TempDir dir;
  SeriesStore store;
  const GroupId g = store.add_group("probe");
  store.add_series(g, {"a", "s", "a", {}});
  MonitorCsvFile csv(dir.path / "monitor.csv", store, g, kClock);
  EventsCsvFile events(dir.path / "events.csv", store, kClock);
  CHECK(read_csv(slurp(dir.path / "monitor.csv")).size() == 1);

  store.append_row(g, 0, std::vector{1.0});
  store.append_row(g, 1, std::vector{2.0});
  csv.write_new();
  CHECK(read_csv(slurp(dir.path / "monitor.csv")).size() == 3);
  csv.write_new();  // nothing new: nothing written twice
  CHECK(read_csv(slurp(dir.path / "monitor.csv")).size() == 3);

  store.add_series(g, {"b", "s", "b", {}});  // a source that came up late
  store.append_row(g, 2, std::vector{3.0, 30.0});
  store.add_event({2, "s", lh::EventKind::recovered, "answers again"});
  csv.write_new();
  events.write_new();
  const auto rows = read_csv(slurp(dir.path / "monitor.csv"));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"t_s", "time", "a", "b"});
  CHECK(rows[1] == std::vector<std::string>{"0", "2026-05-31T14:00:00.000Z", "1", ""});
  CHECK(rows[3] == std::vector<std::string>{"2", "2026-05-31T14:00:02.000Z", "3", "30"});
  CHECK_FALSE(std::filesystem::exists(dir.path / "monitor.csv.tmp"));
  store.append_row(g, 3, std::vector{4.0, 40.0});
  csv.write_new();
  CHECK(read_csv(slurp(dir.path / "monitor.csv")).size() == 5);

  const auto event_rows = read_csv(slurp(dir.path / "events.csv"));
  REQUIRE(event_rows.size() == 2);
  CHECK(event_rows[1][3] == "recovered");
  events.write_new();
  CHECK(read_csv(slurp(dir.path / "events.csv")).size() == 2);
}

TEST_CASE("a CSV file that cannot be written says so with the system's reason") {
  SeriesStore store;
  const GroupId g = store.add_group("probe");
  CHECK_THROWS_WITH(MonitorCsvFile("/nonexistent-dir/x.csv", store, g, kClock),
                    "\"/nonexistent-dir/x.csv\": cannot be written (No such file or directory)");
  CHECK_THROWS_WITH(EventsCsvFile("/nonexistent-dir/e.csv", store, kClock),
                    Catch::Matchers::Contains("\"/nonexistent-dir/e.csv\": cannot be written"));
}
