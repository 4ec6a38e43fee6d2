// A recorded session read back from its journal, and the files written
// from it: the same whether the run ended or was killed.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "common/csv.h"
#include "common/input_error.h"
#include "session/session_data.h"
#include "session/session_files.h"
#include "analysis/verdict_words.h"
#include "session/session_summary.h"
#include "synthetic_session.h"

using namespace lh::session;
using lh::test::SyntheticSession;
using lh::test::TempFolder;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  lh::CsvReader reader(in);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (reader.next(fields)) rows.push_back(fields);
  return rows;
}

}  // namespace

TEST_CASE("a session folder reads back whole with a verdict per analysed series") {
  TempFolder dir("session");
  lh::test::write_synthetic_session(dir.path(), SyntheticSession{.name = "leaky", .mib_per_hour = 600, .limit_mib = 2048});
  const SessionData data = load_session(dir.path());
  CHECK(data.name == "leaky");
  CHECK(data.state == "finished");
  CHECK_FALSE(data.killed());
  CHECK(data.end_s == 600);
  REQUIRE(data.load_group);
  CHECK(data.store->row_count(data.probe_group) == 601);
  CHECK(data.store->row_count(*data.load_group) == 600);
  CHECK(data.memory_limit_mib == 2048);
  REQUIRE(data.load);
  CHECK(data.load->completed == 60000);
  CHECK(data.load->status_codes.at(200) == 60000);

  // The watched memory first; the peak is not a level and gets no verdict.
  REQUIRE(data.verdicts.size() == 2);
  CHECK(data.verdicts[0].name == "memory.rss_mb");
  CHECK(data.verdicts[0].watched);
  CHECK(data.verdicts[0].verdict.kind == lh::analysis::VerdictKind::leak);
  CHECK(data.verdicts[0].verdict.growth_per_1000_requests.has_value());
  CHECK(data.verdicts[0].verdict.time_to_limit_h.has_value());
  CHECK(data.verdicts[1].name == "language_processor.cache_size");
  CHECK(data.verdicts[1].verdict.kind != lh::analysis::VerdictKind::leak);

  const std::string sentence = lh::analysis::verdict_sentence(data.verdicts[0].name, data.verdicts[0].verdict);
  CHECK(sentence.rfind("Leak: memory.rss_mb grows ", 0) == 0);
  CHECK(sentence.find("per 1,000 requests") != std::string::npos);
  CHECK(sentence.find("reaches its limit in about") != std::string::npos);
}

TEST_CASE("the files: samples and events and requests and summary") {
  TempFolder dir("session");
  lh::test::write_synthetic_session(dir.path(), SyntheticSession{.seconds = 300, .restarts_s = {100, 200}});
  const SessionData data = load_session(dir.path());
  const auto written = write_session_files(data, dir.path());
  CHECK(written.size() == 4);

  const auto samples = read_csv(dir / kSamplesCsv);
  REQUIRE(samples.size() == 302);
  CHECK(samples[0] == std::vector<std::string>{"t_s", "time", "memory.rss_mb", "memory.peak_rss_mb",
                                               "language_processor.cache_size", "cpu_percent"});
  CHECK(samples[1][1] == "2026-01-21T10:00:00.000Z");

  const auto events = read_csv(dir / kEventsCsv);
  REQUIRE(events.size() == 3);
  CHECK(events[0] == std::vector<std::string>{"t_s", "time", "source", "kind", "detail"});
  CHECK(events[1][0] == "100");
  CHECK(events[1][3] == "restart");

  const auto requests = read_csv(dir / kRequestsCsv);
  REQUIRE(requests.size() == 301);
  CHECK(requests[0] == std::vector<std::string>{"t_s", "time", "requests", "errors", "p50_ms", "p99_ms", "in_flight",
                                                "target"});
  CHECK(requests[1][0] == "1");  // the end of the first second
  CHECK(requests[1][2] == "100");
  CHECK(requests[1][3] == "0");

  // The file's layout, as docs/SESSIONS.md promises it to other programs.
  const std::string text = lh::test::read_file(dir / kSummaryJson);
  const auto raw = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [key, value] : raw.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"leakhound_session", "name", "state", "started", "ended", "duration_s",
                                         "headline", "scenario", "settings", "load", "verdicts", "restarts",
                                         "environment"});
  CHECK(raw["load"].contains("latency_ms"));
  for (const char* key : {"series", "watched", "verdict", "confidence", "slope_per_hour", "slope_ci", "unit", "growth",
                          "window_s", "restarts", "time_to_limit_h", "reasons"}) {
    CHECK(raw["verdicts"][0].contains(key));
  }

  // Read back through the same mapping that wrote it: the same text again.
  const auto summary = raw.get<SessionSummary>();
  CHECK(nlohmann::ordered_json(summary).dump(2) + "\n" == text);
  CHECK(summary.format == 1);
  CHECK(summary.state == "finished");
  CHECK(summary.scenario["name"] == "synthetic");
  REQUIRE(summary.load);
  CHECK(summary.load->completed == 30000);
  CHECK(summary.load->status_codes.at(200) == 30000);
  REQUIRE(summary.verdicts.size() == 2);
  const VerdictEntry& watched = summary.verdicts[0];
  CHECK(watched.series == "memory.rss_mb");
  CHECK(watched.watched);
  CHECK(watched.verdict["restarts"] == 2);
  CHECK_FALSE(summary.verdicts[1].watched);
  CHECK(summary.restarts.size() == 2);
  CHECK(summary.restarts[0].source == "segmentation");
  CHECK(summary.headline.sentence.size() > 20);
  CHECK(summary.headline.series == "memory.rss_mb");
  CHECK(summary.environment.cpus > 0);
  // The settings never hold a secret: header names only.
  CHECK(text.find("secret-token") == std::string::npos);
  CHECK(summary.settings["load"]["requests"][0]["headers"][0] == "Authorization");
}

TEST_CASE("a killed session reads back up to its last record and drops its torn line") {
  TempFolder dir("session");
  lh::test::write_synthetic_session(dir.path(), SyntheticSession{.seconds = 120, .ended = false});
  {
    std::ofstream out(dir / "journal.jsonl", std::ios::app);
    out << R"({"type":"rows","group":0,"from":121,"t":[121.0,12)";
  }
  const SessionData data = load_session(dir.path());
  CHECK(data.killed());
  CHECK(data.torn_tail);
  CHECK_FALSE(data.ended);
  CHECK(data.end_s == 120);
  CHECK(data.store->row_count(data.probe_group) == 121);
  write_session_files(data, dir.path());
  const auto summary = lh::test::read_summary(dir.path());
  CHECK(summary.state == "killed");
  CHECK_FALSE(summary.ended);
  CHECK(summary.load);  // the last checkpoint's figures
}

TEST_CASE("a folder without a session or with something else in its journal is bad input") {
  TempFolder dir("session");
  CHECK_THROWS_WITH(load_session(dir.path()), Catch::Contains("no session journal"));
  std::ofstream(dir / "journal.jsonl") << R"({"type":"rows"})" << '\n';
  CHECK_THROWS_WITH(load_session(dir.path()), Catch::Contains("not a LeakHound session journal"));
  std::ofstream(dir / "journal.jsonl") << R"({"type":"session","format":99,"started":"2026-01-01T00:00:00Z"})" << '\n';
  CHECK_THROWS_WITH(load_session(dir.path()), Catch::Contains("newer than this LeakHound reads"));
  // A header field of the wrong type is one line naming the line, not a crash.
  std::ofstream(dir / "journal.jsonl") << R"({"type":"session","format":1,"name":5,"started":"2026-01-01T00:00:00Z"})"
                                       << '\n';
  CHECK_THROWS_AS(load_session(dir.path()), lh::InputError);
  CHECK_THROWS_WITH(load_session(dir.path()), Catch::Contains("line 1") && Catch::Contains("must be string"));
}

TEST_CASE("a session without load has no load figures, and says so in summary.json as {}") {
  TempFolder dir("session");
  lh::test::write_synthetic_session(dir.path(), SyntheticSession{.seconds = 30, .ended = false});
  // Keep only the header and the probes' records: no "load" record at all.
  std::string kept;
  std::istringstream lines(lh::test::read_file(dir / "journal.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    if (line.find(R"("type":"load")") == std::string::npos) kept += line + "\n";
  }
  std::ofstream(dir / "journal.jsonl") << kept;
  const SessionData data = load_session(dir.path());
  CHECK_FALSE(data.load);
  write_session_files(data, dir.path());
  const auto raw = nlohmann::ordered_json::parse(lh::test::read_file(dir / kSummaryJson));
  CHECK(raw["load"] == nlohmann::ordered_json::object());
  CHECK_FALSE(raw.get<SessionSummary>().load);
}
