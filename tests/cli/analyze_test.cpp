// leakhound-cli analyze as a user meets it: verdicts, JSON, exit codes,
// and one-line errors for bad input.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "child_process.h"

using lh::test::run_command;

namespace {

// A CSV in a fresh temporary folder, removed with the object.
class TempCsv {
 public:
  explicit TempCsv(const std::string& text, const std::string& name = "series.csv") {
    dir_ = std::filesystem::temp_directory_path() /
           ("lh_analyze_" + std::to_string(getpid()) + "_" + std::to_string(++count_));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / name) << text;
    path_ = (dir_ / name).string();
  }
  ~TempCsv() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }

 private:
  static inline int count_ = 0;
  std::filesystem::path dir_;
  std::string path_;
};

// 10 minutes at 1 Hz of rss_mb: 200 MiB growing `per_hour` MiB/h, a little noise.
std::string series(double per_hour) {
  std::string text = "t_s,time,cpu_percent,memory.rss_mb\n";
  for (int i = 0; i <= 600; ++i) {
    const double rss = 200 + per_hour * i / 3600.0 + 0.3 * std::sin(i * 1.7);
    text += std::to_string(i) + ",2026-01-01T00:00:00Z,5," + std::to_string(rss) + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("analyze prints the verdict and its reasons, and exits 0 whatever it is") {
  TempCsv leak(series(120)), flat(series(0));
  auto r = run_command({LH_CLI_BIN, "analyze", leak.path(), "--limit", "8GiB"});
  CHECK(r.status == 0);
  CHECK(r.out.find("memory.rss_mb\nleak (confidence") != std::string::npos);
  CHECK(r.out.find("  - grows ") != std::string::npos);
  CHECK(r.out.find("reaches the limit of 8.00 GiB in about") != std::string::npos);
  r = run_command({LH_CLI_BIN, "analyze", flat.path()});
  CHECK(r.status == 0);
  CHECK(r.out.find("no_leak") != std::string::npos);
}

TEST_CASE("analyze --scenario reads the series with a scenario's leak settings and memory limit, as run would") {
  TempCsv leak(series(120));
  TempCsv scenario(R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:1",
                       "probes": {"sources": ["/memory-stats"], "memory_limit": "1GiB"},
                       "leak": {"warmup": "5m"}})",
                   "svc.leakhound.json");
  auto r = run_command({LH_CLI_BIN, "analyze", leak.path(), "--scenario", scenario.path()});
  CHECK(r.status == 0);
  CHECK(r.out.find("warm-up until 00:05:00 excluded, as set") != std::string::npos);
  CHECK(r.out.find("reaches the limit of 1.00 GiB in about") != std::string::npos);
  // --limit wins over the scenario's memory_limit.
  r = run_command({LH_CLI_BIN, "analyze", leak.path(), "--scenario", scenario.path(), "--limit", "8GiB"});
  CHECK(r.out.find("reaches the limit of 8.00 GiB in about") != std::string::npos);

  // A leak of 120 MiB/h is below a gate of 1 GiB/h that the scenario sets.
  TempCsv lenient(R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:1", "probes": {"sources": ["/m"]},
                      "leak": {"min_growth_per_hour": "1GiB", "min_growth_percent_per_hour": 1000}})",
                  "lenient.leakhound.json");
  r = run_command({LH_CLI_BIN, "analyze", leak.path(), "--scenario", lenient.path()});
  CHECK(r.out.find("\nleak (") == std::string::npos);

  // A broken scenario is bad input, naming the file and the field.
  TempCsv broken(R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:1", "probes": {"sources": ["/m"]},
                     "leak": {"min_window": "1s"}})",
                 "broken.leakhound.json");
  r = run_command({LH_CLI_BIN, "analyze", leak.path(), "--scenario", broken.path()});
  CHECK(r.status == 2);
  CHECK(r.err.find("broken.leakhound.json: leak.min_window") != std::string::npos);
}

TEST_CASE("analyze --json prints the issue's fields: --fail-on-leak exits 1 on a leak only") {
  TempCsv leak(series(120)), flat(series(0));
  auto r = run_command({LH_CLI_BIN, "analyze", leak.path(), "--json", "--limit", "1GiB", "--fail-on-leak"});
  CHECK(r.status == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "leak");
  CHECK(j["unit"] == "MiB");
  CHECK(j["slope_per_hour"].get<double>() == Approx(120).epsilon(0.05));
  CHECK(j["slope_ci"].size() == 2);
  CHECK(j["window_s"].size() == 2);
  CHECK(j["restarts"] == 0);
  // (1024 - ~220 MiB) at 120 MiB/h.
  CHECK(j["time_to_limit_h"].get<double>() == Approx(6.7).epsilon(0.05));
  CHECK(j["reasons"].is_array());
  CHECK(j.size() == 10);
  r = run_command({LH_CLI_BIN, "analyze", flat.path(), "--fail-on-leak"});
  CHECK(r.status == 0);
}

TEST_CASE("analyze reads restarts from an events file") {
  std::string text = "t_s,rss_mb\n";
  for (int i = 0; i < 1200; ++i) text += std::to_string(i) + "," + std::to_string(500 + 0.3 * (i % 300)) + "\n";
  TempCsv csv(text);
  TempCsv events("t_s,time,source,kind,detail\n300,,svc,restart,x\n600,,svc,restart,x\n900,,svc,restart,x\n");
  auto r = run_command({LH_CLI_BIN, "analyze", csv.path(), "--events", events.path(), "--json"});
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["restarts"] == 3);
  CHECK(j["verdict"] == "leak");
  CHECK(j["reasons"][0].get<std::string>().starts_with("3 restarts; grows about 89"));
}

TEST_CASE("bad input is one line on stderr and exit 2") {
  TempCsv no_time("a,rss_mb\n1,2\n"), bad_number("t_s,rss_mb\n0,1\n1,abc\n2,3\n"), short_csv("t_s,rss_mb\n0,1\n");
  TempCsv ok(series(0));
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases{
      {{LH_CLI_BIN, "analyze", no_time.path()}, "no time column in the header"},
      {{LH_CLI_BIN, "analyze", no_time.path(), "--time-column", "at"}, "--time-column at: no such column"},
      {{LH_CLI_BIN, "analyze", bad_number.path()}, "line 3: column rss_mb: expected a number, got \"abc\""},
      {{LH_CLI_BIN, "analyze", short_csv.path()}, "has 1 value; at least 3 are needed"},
      {{LH_CLI_BIN, "analyze", ok.path(), "--column", "heap"}, "no such value column"},
      {{LH_CLI_BIN, "analyze", ok.path(), "--limit", "lots"}, "expected a size such as"},
      {{LH_CLI_BIN, "analyze", "/nonexistent/run.csv"}, "cannot open the file"},
      {{LH_CLI_BIN, "analyze"}, "FILE is required"},
  };
  for (const auto& c : cases) {
    INFO(c.args.back());
    const auto r = run_command(c.args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(c.says) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  // --column names the columns it could have been.
  const auto r = run_command({LH_CLI_BIN, "analyze", ok.path(), "--column", "heap"});
  CHECK(r.err.find("(columns: cpu_percent, memory.rss_mb)") != std::string::npos);
}

TEST_CASE("analyze runs on a monitor-style recording of the demo target") {
  const std::string recording = std::string(LH_SOURCE_DIR) + "/tests/analysis/recordings/restart_loop_leak.csv";
  auto r = run_command({LH_CLI_BIN, "analyze", recording, "--json"});
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["verdict"] == "leak");
  CHECK(j["restarts"].get<int>() >= 10);  // from the health.pid column
}
