// The conversion service's way of living with its leak: it exits after N
// conversions and a supervisor starts it again. A session lists those
// restarts and analyses between them.
#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

#include "child_process.h"
#include "demo_target.h"
#include "session/session_data.h"
#include "session/session_files.h"
#include "session/session_runner.h"
#include "synthetic_session.h"

using namespace lh::session;
using namespace std::chrono_literals;
using lh::test::ChildProcess;
using lh::test::TempFolder;

namespace {

// Starts the demo target again on the same port whenever it exits, like
// the conversion service's auto-restart script.
class Supervisor {
 public:
  explicit Supervisor(std::vector<std::string> flags) : flags_(std::move(flags)) {
    lh::test::DemoTarget first(flags_);  // finds a free port
    port_ = first.port();
    first.process().signal(SIGTERM);
    first.process().wait_for(5s);
    start_child();
    thread_ = std::thread([this] {
      while (!stopping_) {
        if (child_->wait_for(20ms)) {
          ++restarts_;
          start_child();
        }
      }
    });
  }
  ~Supervisor() {
    stopping_ = true;
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int restarts() const { return restarts_; }

 private:
  void start_child() {
    std::vector<std::string> argv{LH_DEMO_TARGET_BIN, "--port", std::to_string(port_)};
    argv.insert(argv.end(), flags_.begin(), flags_.end());
    child_ = std::make_unique<ChildProcess>(argv);
    child_->read_line(5000ms);  // "listening on …"
  }

  std::vector<std::string> flags_;
  int port_ = 0;
  std::unique_ptr<ChildProcess> child_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> restarts_{0};
};

}  // namespace

TEST_CASE("a service restarted by its supervisor: every restart is listed") {
  Supervisor supervisor({"--restart-after", "40", "--leak-kb-per-request", "64"});
  TempFolder dir("e2e_restart");
  std::ofstream(dir / "doc.pdf") << "%PDF-1.4\n% a document to convert\n%%EOF\n";

  SessionPlan plan;
  plan.name = "restarts";
  lh::load::RequestTemplate convert;
  convert.url = supervisor.url() + "/convert";
  convert.upload = dir / "doc.pdf";
  convert.content_type = "application/pdf";
  plan.load.emplace();
  plan.load->requests.push_back(convert);
  plan.load->rate = 20;
  plan.load->concurrency = 2;
  plan.load->duration = lh::Seconds(30);
  plan.probes.sources.push_back(lh::probe::parse_source_spec("conversion=" + supervisor.url()));
  plan.probes.interval = lh::Seconds(0.2);

  SessionRunner runner(plan, {.folder = dir / "run"});
  runner.start();
  runner.wait();
  CHECK(runner.state() == SessionState::finished);
  CHECK(runner.progress().restarts >= 5);

  const SessionData data = load_session(dir / "run");
  write_session_files(data, dir / "run");
  const SessionSummary summary = lh::test::read_summary(dir / "run");
  CHECK(summary.restarts.size() >= 5);
  CHECK(static_cast<int>(summary.restarts.size()) <= supervisor.restarts());
  REQUIRE(data.watched());
  CHECK(data.watched()->name == "memory_usage_gb");
  REQUIRE_FALSE(summary.verdicts.empty());
  CHECK(summary.verdicts[0].verdict["restarts"].get<int>() == static_cast<int>(summary.restarts.size()));
  const std::string events = lh::test::read_file(dir / "run" / kEventsCsv);
  CHECK(events.find(",conversion,restart,") != std::string::npos);
}
