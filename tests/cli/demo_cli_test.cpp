// leakhound-cli demo, and what survives a SIGKILL: everything the journal
// got up to the last second, rebuilt by `report`.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "child_process.h"
#include "loopback_server.h"
#include "common/csv.h"
#include "common/input_error.h"
#include "common/iso_time.h"
#include "session/session_data.h"
#include "synthetic_session.h"

using namespace std::chrono_literals;
using lh::test::ChildProcess;
using lh::test::read_file;
using lh::test::run_command;
using lh::test::TempFolder;

namespace {

// The last t_s of samples.csv, and its number of rows.
std::pair<double, std::size_t> last_sample(const std::filesystem::path& csv) {
  std::ifstream in(csv);
  lh::CsvReader reader(in);
  std::vector<std::string> fields;
  reader.next(fields);  // header
  double last = -1;
  std::size_t rows = 0;
  while (reader.next(fields)) {
    last = std::stod(fields.at(0));
    ++rows;
  }
  return {last, rows};
}

}  // namespace

TEST_CASE("a demo killed with SIGKILL is rebuilt by report with every sample up to its last second") {
  TempFolder dir("cli_kill");
  const auto folder = dir / "demo";
  ChildProcess demo({LH_CLI_BIN, "demo", "--out", folder.string(), "--duration", "2m"});
  const auto first = demo.read_line(20000ms);
  REQUIRE(first);
  const auto at = first->find("127.0.0.1:");
  REQUIRE(at != std::string::npos);
  const int port = std::stoi(first->substr(at + 10));
  REQUIRE(demo.read_line(10000ms));  // "Session … writing to …": the session has started
  // Killed once its journal holds more than 50 answered requests and a few
  // seconds of samples.
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  for (;;) {
    try {
      const auto data = lh::session::load_session(folder);
      if (data.load && data.load->completed > 50 && data.store->row_count(data.probe_group) >= 3) break;
    } catch (const lh::InputError&) {
      // The header is not written yet.
    }
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(100ms);
  }
  const auto killed_at = lh::WallClock::now();
  demo.signal(SIGKILL);
  REQUIRE(demo.wait_for(5000ms) == 128 + SIGKILL);

  // The demo target dies with the CLI.
  bool closed = false;
  for (int i = 0; i < 40 && !closed; ++i) {
    closed = !lh::test::loopback_port_accepts(port);
    if (!closed) std::this_thread::sleep_for(100ms);
  }
  CHECK(closed);

  const auto r = run_command({LH_CLI_BIN, "report", folder.string()});
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("rebuilt from its journal") != std::string::npos);
  const lh::session::SessionSummary summary = lh::test::read_summary(folder);
  CHECK(summary.state == "killed");
  const double killed_s = std::chrono::duration<double>(killed_at - lh::parse_iso8601(summary.started)).count();
  const auto [last_t, rows] = last_sample(folder / "samples.csv");
  // The demo scenario probes every second and the journal is flushed every
  // 250 ms: nothing older than the last flush is lost, that is, at most the
  // last probe interval and a flush.
  CHECK(last_t >= killed_s - 1.25);
  CHECK(rows >= static_cast<std::size_t>(killed_s - 1.25));
  REQUIRE(summary.load);
  CHECK(summary.load->completed > 50);
  CHECK(std::filesystem::exists(folder / "report.pdf"));
}

TEST_CASE("demo with a bad duration is bad input") {
  const auto r = run_command({LH_CLI_BIN, "demo", "--duration", "soon"});
  CHECK(r.status == 2);
  CHECK(r.err.find("--duration") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("a journal that can no longer be written ends the run as a runtime failure: exit 4, one line") {
  TempFolder dir("cli_journal_full");
  const auto folder = dir / "demo";
  // No file may pass 8 KiB: the journal's header fits, its first seconds do not.
  const auto r = run_command(
      lh::test::with_file_size_limit(16, {LH_CLI_BIN, "demo", "--out", folder.string(), "--duration", "1m"}));
  INFO(r.out << r.err);
  CHECK(r.status == 4);
  const std::string last_line = r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1);
  CHECK(last_line == "leakhound-cli demo: \"" + (folder / "journal.jsonl").string() +
                         "\": cannot be written (File too large)\n");
  // What the journal got is a session `report` reads.
  CHECK(lh::session::load_session(folder).killed());
}
