// The first seed's situation as its team would try LeakHound: the
// segmentation service (the Python stand-in, FastAPI under uvicorn) with its
// unbounded document cache, their ab command line imported, then
// `run --duration 60s --fail-on-leak`. A person calls this a leak within
// seconds; so must the live verdict, long before the run ends.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "child_process.h"
#include "loopback_server.h"
#include "synthetic_session.h"

using lh::test::ChildProcess;
using lh::test::run_command;
using lh::test::TempFolder;
using namespace std::chrono_literals;

namespace {

// The stand-in on a free loopback port, answering once its port accepts.
class SegmentationStandIn {
 public:
  explicit SegmentationStandIn(const std::vector<std::string>& switches) : port_(lh::test::unused_loopback_port()) {
    // Debian's interpreter, whose python3-fastapi etc. setup.sh installs
    // (not whichever python3 comes first on PATH).
    const std::string python = "/usr/bin/python3";
    const auto modules = run_command({python, "-c", "import fastapi, uvicorn, psutil"}, 60s);
    if (modules.status != 0)
      FAIL("/usr/bin/python3 cannot import fastapi, uvicorn or psutil: run scripts/setup.sh standins");
    std::vector<std::string> argv{python, std::string(LH_SOURCE_DIR) + "/bench/standins/segmentation.py", "--port",
                                  std::to_string(port_)};
    argv.insert(argv.end(), switches.begin(), switches.end());
    process_ = std::make_unique<ChildProcess>(argv);
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (!lh::test::loopback_port_accepts(port_)) {
      if (process_->wait_for(0ms)) FAIL("segmentation.py stopped: " << process_->err());
      if (std::chrono::steady_clock::now() > deadline) FAIL("segmentation.py did not listen within 60 s");
      std::this_thread::sleep_for(50ms);
    }
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  int port_;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace

TEST_CASE("case 1: an unbounded document cache under imported ab load is a leak, live and at the end") {
  SegmentationStandIn service({"--cache", "unbounded"});
  TempFolder dir("seed_case_1");
  std::ofstream(dir / "body.json") << nlohmann::json{{"text", "One sentence. Another one! And a third?"},
                                                     {"language", "en"}};
  const auto scenario = dir / "segmentation.leakhound.json";
  const auto imported =
      run_command({LH_CLI_BIN, "import-ab", "ab -t 150 -c 4 -k -p " + (dir / "body.json").string() + " -T application/json " +
                       service.url("/segment"),
                   "--monitor", "segmentation=/memory-stats", "-o", scenario.string()});
  INFO(imported.out << imported.err);
  REQUIRE(imported.status == 0);

  ChildProcess run({LH_CLI_BIN, "run", scenario.string(), "--duration", "60s", "--fail-on-leak", "--out",
                    (dir / "session").string()});
  std::string output;
  while (auto line = run.read_line(120s)) output += *line + "\n";
  const auto status = run.wait_for(60s);
  const std::string progress = run.err();
  INFO(output << progress);
  REQUIRE(status);
  CHECK(*status == 1);
  // The progress lines (stderr, every 10 s) start with the session clock;
  // the first that says "live: leak" shows how soon (docs/BENCHMARKS.md
  // has the figures). It must come while the load still runs.
  const auto live_leak = progress.find("live: leak");
  REQUIRE(live_leak != std::string::npos);
  const auto line_start = progress.rfind('\n', live_leak) + 1;
  INFO("first live leak: " << progress.substr(line_start, progress.find('\n', live_leak) - line_start));
  CHECK(progress.substr(line_start, 8) < "00:01:00");
  CHECK(output.find("Leak:") != std::string::npos);
}
