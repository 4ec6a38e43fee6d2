// leakhound-cli run on a scenario without load: the demo target gets its
// traffic from this test (as from production or a batch script), the
// session only watches, and growth per 1,000 requests comes from the
// service's own counter (/health's "conversions").
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "child_process.h"
#include "demo_target.h"
#include "pdf_checks.h"
#include "common/input_error.h"
#include "session/session_data.h"
#include "synthetic_session.h"

using lh::test::ChildProcess;
using lh::test::DemoTarget;
using lh::test::TempFolder;
using namespace std::chrono_literals;

namespace {

constexpr int kBatches = 60;
constexpr int kPerBatch = 10;
constexpr const char* kCounter = "conversion/conversions";

// The recorded counter's values so far; empty until the session wrote some.
std::vector<double> recorded_counter(const std::filesystem::path& folder) {
  if (!std::filesystem::exists(folder / "journal.jsonl")) return {};
  try {
    const lh::session::SessionData data = lh::session::load_session(folder);
    const auto id = data.store->find(kCounter);
    if (!id) return {};
    std::vector<double> out;
    for (double v : data.store->read_series(*id, 0).v) {
      if (std::isfinite(v)) out.push_back(v);
    }
    return out;
  } catch (const lh::InputError&) {
    return {};  // the header is being written
  }
}

// Waits until the session has recorded the counter at `count` (and `more`
// samples since): the test's requests are paced by the session's samples.
bool wait_for_samples(const std::filesystem::path& folder, double count, std::size_t more = 0) {
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  std::size_t seen_at = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    const std::vector<double> values = recorded_counter(folder);
    if (!values.empty() && values.back() == count) {
      if (seen_at == 0) seen_at = values.size();
      if (values.size() >= seen_at + more) return true;
    }
    std::this_thread::sleep_for(50ms);  // a polling step, not a wait for the state
  }
  return false;
}

}  // namespace

TEST_CASE("run on a scenario without load watches until SIGTERM, and counts requests with the service's counter") {
  DemoTarget target({"--leak-kb-per-request", "64"});
  TempFolder dir("cli_watch");
  const nlohmann::json scenario = {
      {"leakhound_scenario", 1},
      {"name", "watch test"},
      {"target", target.url()},
      {"probes",
       {{"sources", {"segmentation=/memory-stats", "conversion=/health"}},
        {"interval", "300ms"},
        {"watch", "segmentation/memory.rss_mb"},
        {"request_counter", kCounter}}},
      {"leak", {{"min_window", "10s"}}},
  };
  const auto file = dir / "watch.leakhound.json";
  std::ofstream(file) << scenario.dump(2);
  const auto out = dir / "session";

  ChildProcess run({LH_CLI_BIN, "run", file.string(), "--out", out.string()});
  REQUIRE(wait_for_samples(out, 0));

  // The traffic: conversions in batches, each once the session sampled the last.
  httplib::Client client("127.0.0.1", target.port());
  client.set_read_timeout(10, 0);
  const httplib::MultipartFormDataItems upload = {{"file", std::string(1000, 'x'), "doc.pdf", "application/pdf"}};
  int sent = 0;
  for (int batch = 0; batch < kBatches; ++batch) {
    for (int i = 0; i < kPerBatch; ++i) {
      const auto answer = client.Post("/convert", upload);
      REQUIRE(answer);
      REQUIRE(answer->status == 200);
      ++sent;
    }
    REQUIRE(wait_for_samples(out, sent));
  }
  REQUIRE(wait_for_samples(out, sent, 5));  // a little flat tail, then Ctrl-C
  run.signal(SIGTERM);
  const auto status = run.wait_for(60s);
  INFO(run.err());
  REQUIRE(status);
  CHECK(*status == 0);

  for (const char* name : {"samples.csv", "events.csv", "summary.json", "report.pdf", "journal.jsonl"}) {
    INFO(name);
    CHECK(std::filesystem::exists(out / name));
  }
  CHECK_FALSE(std::filesystem::exists(out / "requests.csv"));  // no load, no request table

  const lh::session::SessionSummary summary = lh::test::read_summary(out);
  CHECK(summary.state == "stopped");
  CHECK_FALSE(summary.load);
  CHECK(summary.settings["load"].is_null());
  REQUIRE_FALSE(summary.verdicts.empty());
  CHECK(summary.verdicts[0].watched);
  CHECK(summary.headline.verdict.has_value());
  REQUIRE(summary.headline.growth_per_1000_requests);

  // The number, from what the test sent: the counter's increase over the
  // verdict's window (all of it when the window spans the traffic).
  const lh::session::SessionData data = lh::session::load_session(out);
  CHECK_FALSE(data.load_group);
  const auto* watched = data.watched();
  REQUIRE(watched);
  const lh::analysis::Verdict& v = watched->verdict;
  const auto counter = data.store->find(kCounter);
  REQUIRE(counter);
  const auto points = data.store->read_series(*counter, 0);
  double first = std::nan(""), at_from = std::nan(""), at_to = std::nan(""), last = std::nan("");
  for (std::size_t k = 0; k < points.t.size(); ++k) {
    if (!std::isfinite(points.v[k])) continue;
    if (!std::isfinite(first)) first = points.v[k];
    if (points.t[k] <= v.window_from_s) at_from = points.v[k];
    if (points.t[k] <= v.window_to_s) at_to = points.v[k];
    last = points.v[k];
  }
  CHECK(first == 0);
  CHECK(last == sent);
  const double served = at_to - at_from;
  INFO("window " << v.window_from_s << " s to " << v.window_to_s << " s, " << served << " served of " << sent);
  REQUIRE(served > 0);
  CHECK(served <= sent);
  // The analysis reads the count at its buckets' times, between samples:
  // the requests it divides by are those within a batch or two.
  REQUIRE(*summary.headline.growth_per_1000_requests > 0);
  const double implied = v.growth / *summary.headline.growth_per_1000_requests * 1000;
  INFO("the analysis divided by " << implied << " requests");
  CHECK(implied <= sent);
  CHECK(std::fabs(implied - served) <= 2 * kPerBatch);

  // The report: no load section, no empty table, no nan.
  const std::string text = lh::test::squeezed(lh::test::pdf_text(out / "report.pdf"));
  for (const char* shown : {"Memory and CPU", "none sent: the session only watched", "Requests served",
                            "counted by conversion/conversions", "Leak evidence"}) {
    INFO(shown);
    CHECK(text.find(shown) != std::string::npos);
  }
  lh::test::check_no_load_sections(text);
}
