// `leakhound-cli monitor` as a person meets it: its lines, its files, its
// one-line errors.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "child_process.h"
#include "common/csv.h"
#include "demo_target.h"
#include "loopback_server.h"
#include "probe_helpers.h"

using lh::test::milliseconds;
using lh::test::run_command;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  lh::CsvReader reader(in);
  std::vector<std::vector<std::string>> rows;
  for (std::vector<std::string> fields; reader.next(fields);) rows.push_back(fields);
  return rows;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct TempDir {
  TempDir() : path(std::filesystem::temp_directory_path() / ("lh-monitor-" + std::to_string(getpid()))) {
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

}  // namespace

TEST_CASE("bad input is one line on stderr and exit 2") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{}, "SOURCE is required"},
      {{"localhost:8002"}, "source \"localhost:8002\": expected a URL (http://host:port/path), pid:N, port:N, prom:URL (a Prometheus server) or PRESET=URL"},
      {{"pid:x"}, "expected pid:N with N a process id, got \"x\""},
      {{"foo=http://127.0.0.1:1"}, "unknown preset \"foo\""},
      {{"pid:1", "--interval", "50ms"}, "--interval: expected at least 100ms, got 50ms"},
      {{"pid:1", "--interval", "1e300s"}, "--interval: expected at most 24h 00m, got "},
      {{"pid:1", "--interval", "fast"}, "--interval: expected a duration such as \"30s\" or \"10m\", got \"fast\""},
      {{"pid:1", "--duration", "0s"}, "--duration: expected a positive duration, got \"0s\""},
      {{"pid:1", "--timeout", "-1s"}, "--timeout: expected a duration"},
      {{"http://127.0.0.1:1/x", "-H", "NoColon"}, "header \"NoColon\": expected \"Name: value\""},
      // -H takes one value: the SOURCE after it is the source ("SOURCE is required" before).
      {{"-H", "X-Team: core", "http://127.0.0.1:1/x", "--interval", "fast"}, "--interval: expected a duration"},
      {{"pid:1", "--bogus"}, "--bogus"},
      {{"prom:http://127.0.0.1:1"}, "--query: missing: a prom: source needs the PromQL query to ask"},
      {{"pid:1", "--query", "up"}, "--query: goes with a prom:URL source, and none was given"},
  };
  for (const auto& [args, expected] : cases) {
    std::vector<std::string> argv{LH_CLI_BIN, "monitor"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_command(argv);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains(expected));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("a CSV file that cannot be written is one line with the system's reason, exit 4, and whole rows") {
  const auto missing = run_command({LH_CLI_BIN, "monitor", "pid:1", "--csv", "/nonexistent-dir/m.csv"});
  CHECK(missing.status == 4);
  CHECK(missing.err == "leakhound-cli monitor: \"/nonexistent-dir/m.csv\": cannot be written (No such file or directory)\n");

  // A disk that fills up: no file may grow past 1 KiB, and the rows of a
  // 100 ms interval pass that within a second or two.
  TempDir dir;
  const auto csv = dir.path / "m.csv";
  const auto r = run_command(lh::test::with_file_size_limit(
      2, {LH_CLI_BIN, "monitor", "pid:1", "--interval", "100ms", "--duration", "20s", "--csv", csv.string()}));
  CHECK(r.status == 4);
  CHECK(r.err == "leakhound-cli monitor: \"" + csv.string() + "\": cannot be written (File too large)\n");
  std::ifstream in(csv);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  REQUIRE(!text.empty());
  CHECK(text.size() <= 1024);
  CHECK(text.back() == '\n');  // the row that did not fit is not left cut in half
  const auto rows = read_csv(csv);
  REQUIRE(rows.size() >= 2);
  for (const auto& row : rows) CHECK(row.size() == rows.front().size());
}

TEST_CASE("monitor prints a line per interval and writes both CSV files") {
  lh::test::DemoTarget target({"--leak-kb-per-request", "64"});
  TempDir dir;
  const auto csv = dir.path / "monitor.csv";
  const auto events = dir.path / "events.csv";
  const auto r = run_command({LH_CLI_BIN, "monitor", "segmentation=" + target.url(),
                              "port:" + std::to_string(target.port()), "--interval", "200ms", "--duration", "1s", "--timeout", "3s",
                              "--csv", csv.string(), "--events", events.string()});
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 1 + 5);  // what it watches, then t = 0, 0.2 … 0.8
  CHECK_THAT(lines[0], StartsWith("monitoring segmentation (" + target.url("/memory-stats") + "), port:"));
  CHECK_THAT(lines[1], StartsWith("00:00:00  segmentation memory.rss_mb "));
  CHECK_THAT(lines[1], Contains(" MiB | port:" + std::to_string(target.port()) + " rss_mb "));
  CHECK_THAT(lines[1], Contains("cpu -"));  // no CPU % from a single reading
  CHECK_THAT(lines[5], Contains("%"));

  const auto rows = read_csv(csv);
  REQUIRE(rows.size() == 1 + 5);
  CHECK(rows[0][0] == "t_s");
  CHECK(rows[0][1] == "time");
  CHECK(std::find(rows[0].begin(), rows[0].end(), "segmentation/memory.rss_mb") != rows[0].end());
  CHECK(std::find(rows[0].begin(), rows[0].end(), "port:" + std::to_string(target.port()) + "/cpu_percent") != rows[0].end());
  for (std::size_t k = 1; k < rows.size(); ++k) {
    const double ticks = std::stod(rows[k][0]) / 0.2;  // on the 200 ms grid of the session clock
    CHECK(std::fabs(ticks - std::round(ticks)) < 0.25);
  }
  CHECK(read_csv(events) == std::vector<std::vector<std::string>>{{"t_s", "time", "source", "kind", "detail"}});
}

TEST_CASE("an unreachable source is a mark on its line and a row in the events file") {
  TempDir dir;
  const auto events = dir.path / "events.csv";
  const int port = lh::test::unused_loopback_port();
  const auto r = run_command({LH_CLI_BIN, "monitor", "http://127.0.0.1:" + std::to_string(port) + "/health",
                              "--interval", "100ms", "--duration", "300ms", "--events", events.string()});
  REQUIRE(r.status == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[1] == "00:00:00  memory -  ! unreachable: connection refused");
  CHECK(lines[2] == "00:00:00  memory -");
  const auto rows = read_csv(events);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1][2] == "127.0.0.1:" + std::to_string(port));
  CHECK(rows[1][3] == "unreachable");
  CHECK(rows[1][4] == "connection refused");
}

TEST_CASE("Ctrl-C stops monitor with its files complete") {
  lh::test::DemoTarget target;
  TempDir dir;
  const auto csv = dir.path / "monitor.csv";
  lh::test::ChildProcess monitor(
      {LH_CLI_BIN, "monitor", "conversion=" + target.url(), "--interval", "100ms", "--timeout", "3s", "--csv", csv.string()});
  REQUIRE(monitor.read_line(milliseconds(10000)));  // what it watches
  for (int i = 0; i < 3; ++i) REQUIRE(monitor.read_line(milliseconds(10000)));
  monitor.signal(SIGINT);
  REQUIRE(monitor.wait_for(milliseconds(10000)) == 0);
  const auto rows = read_csv(csv);
  CHECK(rows.size() >= 1 + 3);
  CHECK(std::find(rows[0].begin(), rows[0].end(), "memory_usage_gb") != rows[0].end());
  CHECK(std::find(rows[0].begin(), rows[0].end(), "status") != rows[0].end());
}
