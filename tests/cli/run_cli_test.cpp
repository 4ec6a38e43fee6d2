// leakhound-cli run SCENARIO against the demo target: the session folder,
// secrets kept out of it, and the exit codes 0, 1, 2 and 3.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "demo_target.h"
#include "loopback_server.h"
#include "synthetic_session.h"

using lh::test::DemoTarget;
using lh::test::read_file;
using lh::test::run_command;
using lh::test::TempFolder;
using namespace std::chrono_literals;

namespace {

constexpr const char* kToken = "s3cret-token-for-run-test";

// POST /segment at a constant rate with a secret header, probing
// /memory-stats; a verdict from 20 s of data.
std::filesystem::path write_scenario(const std::filesystem::path& dir, const std::string& target) {
  const nlohmann::json scenario = {
      {"leakhound_scenario", 1},
      {"name", "run test"},
      {"target", target},
      {"probes", {{"sources", {"segmentation=/memory-stats"}}, {"interval", "500ms"}}},
      {"load",
       {{"requests",
         {{{"method", "POST"},
           {"path", "/segment"},
           {"headers", {{"Authorization", "Bearer ${ENV:LH_RUN_TEST_TOKEN}"}}},
           {"body", {{"text", "One sentence. Another one."}, {"language", "en"}}}}}},
        {"concurrency", 4},
        {"rate", 100},
        {"duration", "40s"}}},
      {"leak", {{"warmup", "5s"}, {"min_window", "20s"}}},
  };
  const auto file = dir / "run-test.leakhound.json";
  std::ofstream(file) << scenario.dump(2);
  return file;
}

}  // namespace

TEST_CASE("run writes the session folder and exits 1 on a leak with --fail-on-leak, and writes no secret") {
  setenv("LH_RUN_TEST_TOKEN", kToken, 1);
  DemoTarget target({"--leak-kb-per-request", "64"});
  TempFolder dir("cli_run");
  const auto scenario = write_scenario(dir.path(), "http://127.0.0.1:1");
  const auto out = dir / "session";
  const auto r = run_command({LH_CLI_BIN, "run", scenario.string(), "--target", target.url(), "--out", out.string(),
                              "--fail-on-leak"},
                             120s);
  INFO(r.out << r.err);
  CHECK(r.status == 1);
  CHECK(r.out.find("Leak:") != std::string::npos);
  for (const char* name : {"samples.csv", "events.csv", "requests.csv", "summary.json", "report.pdf", "journal.jsonl"}) {
    INFO(name);
    REQUIRE(std::filesystem::exists(out / name));
    if (std::string(name) != "report.pdf") CHECK(read_file(out / name).find(kToken) == std::string::npos);
  }
  const lh::session::SessionSummary summary = lh::test::read_summary(out);
  REQUIRE(summary.load);
  CHECK(summary.load->completed > 1000);
  CHECK(summary.scenario["target"] == target.url());
  REQUIRE_FALSE(summary.verdicts.empty());
  CHECK(summary.verdicts[0].watched);
  CHECK(summary.headline.verdict == "leak");
  unsetenv("LH_RUN_TEST_TOKEN");
}

TEST_CASE("run against a target that refuses connections exits 3") {
  setenv("LH_RUN_TEST_TOKEN", kToken, 1);
  TempFolder dir("cli_run_unreachable");
  const auto scenario = write_scenario(dir.path(), "http://127.0.0.1:" + std::to_string(lh::test::unused_loopback_port()));
  const auto r = run_command({LH_CLI_BIN, "run", scenario.string(), "--out", (dir / "session").string()}, 30s);
  INFO(r.out << r.err);
  CHECK(r.status == 3);
  CHECK_FALSE(r.err.empty());
  unsetenv("LH_RUN_TEST_TOKEN");
}

TEST_CASE("run with a broken scenario or an unset secret is bad input, one line each") {
  TempFolder dir("cli_run_bad");
  unsetenv("LH_RUN_TEST_TOKEN");
  const auto scenario = write_scenario(dir.path(), "http://127.0.0.1:8000");
  auto r = run_command({LH_CLI_BIN, "run", scenario.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("LH_RUN_TEST_TOKEN") != std::string::npos);

  std::ofstream(dir / "broken.leakhound.json") << R"({"leakhound_scenario": 1, "target": 5})";
  r = run_command({LH_CLI_BIN, "run", (dir / "broken.leakhound.json").string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("target") != std::string::npos);

  r = run_command({LH_CLI_BIN, "run", (dir / "missing.leakhound.json").string()});
  CHECK(r.status == 2);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}
