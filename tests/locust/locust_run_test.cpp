// `run` with "engine": "locust": a real Locust master and two workers on
// loopback send the load to the demo target; the session counts what
// Locust counted, the demo target agrees, Locust's files stay in the
// session folder and no Locust process outlives the run.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "demo_target.h"
#include "external_program.h"
#include "synthetic_session.h"

using lh::test::DemoTarget;
using lh::test::read_file;
using lh::test::run_command;
using lh::test::TempFolder;
using namespace std::chrono_literals;

namespace {

// Processes whose command line names `needle` (the session folder): a
// Locust left behind would show here.
int processes_naming(const std::string& needle) {
  int found = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string pid = entry.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "cmdline", std::ios::binary);
    const std::string cmdline{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (cmdline.find(needle) != std::string::npos && cmdline.find("locust") != std::string::npos) ++found;
  }
  return found;
}

}  // namespace

TEST_CASE("run with engine locust: master and 2 workers, counts agree with the target within 1 %") {
  lh::test::external_program("locust", "test");
  DemoTarget target;
  TempFolder dir("locust_run");
  const nlohmann::json scenario = {
      {"leakhound_scenario", 1},
      {"name", "Locust e2e"},
      {"target", target.url()},
      {"probes", {{"sources", {"segmentation=/memory-stats"}}, {"interval", "500ms"}}},
      {"load",
       {{"engine", "locust"},
        {"workers", 2},
        {"requests",
         {{{"name", "English"}, {"method", "POST"}, {"path", "/segment"},
           {"body", {{"text", "One sentence. Another one."}, {"language", "en"}}}, {"weight", 3}},
          {{"name", "German"}, {"method", "POST"}, {"path", "/segment"},
           {"body", {{"text", "Ein Satz. Noch einer."}, {"language", "de"}}}, {"weight", 1}}}},
        {"concurrency", 4},
        {"rate", 40},
        {"duration", "20s"}}},
      {"leak", {{"warmup", "2s"}, {"min_window", "10s"}}},
  };
  const auto file = dir.path() / "locust-e2e.leakhound.json";
  std::ofstream(file) << scenario.dump(2);
  const auto out = dir / "session";

  const auto r = run_command({LH_CLI_BIN, "run", file.string(), "--out", out.string()}, 120s);
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);

  const lh::session::SessionSummary summary = lh::test::read_summary(out);
  REQUIRE(summary.load);
  const double sent = static_cast<double>(summary.load->completed);
  const double counted = target.served("segment");
  INFO("session " << sent << ", demo target " << counted);
  CHECK(sent > 400);  // 40/s for 20 s, less Locust's start
  CHECK(std::fabs(sent - counted) <= 0.01 * counted);
  CHECK(summary.load->failed == 0);
  CHECK(summary.scenario["load"]["engine"] == "locust");

  // The load series counted the same requests, second by second.
  const std::string requests_csv = read_file(out / "requests.csv");
  CHECK_FALSE(requests_csv.empty());

  // Locust's own files, with its history, stay in the session folder.
  for (const char* name : {"locustfile.py", "locust_stats.csv", "locust_stats_history.csv", "master.log", "worker-1.log",
                           "worker-2.log"}) {
    INFO(name);
    CHECK(std::filesystem::exists(out / "locust" / name));
  }
  CHECK(processes_naming(out.string()) == 0);
}
