// The journal: append-only JSON lines, whole after a kill but for a torn
// last line, which the reader drops.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "common/input_error.h"
#include "session/journal_reader.h"
#include "session/journal_records.h"
#include "session/journal_writer.h"
#include "session/session_data.h"
#include "session/store_journal.h"
#include "synthetic_session.h"

using lh::InputError;
using lh::session::JournalReader;
using lh::session::JournalWriter;
using lh::test::TempFolder;

TEST_CASE("records written and flushed read back in order") {
  TempFolder dir("journal");
  {
    JournalWriter writer(dir / "journal.jsonl");
    writer.append({{"type", "session"}, {"n", 0}});
    writer.append({{"type", "event"}, {"detail", "a\nb"}});  // a newline inside a string stays escaped
    writer.flush();
    CHECK(writer.bytes_written() > 0);
    writer.append({{"type", "end"}});
  }  // the destructor flushes the rest
  JournalReader reader(dir / "journal.jsonl");
  nlohmann::json r;
  REQUIRE(reader.next(r));
  CHECK(r["type"] == "session");
  REQUIRE(reader.next(r));
  CHECK(r["detail"] == "a\nb");
  REQUIRE(reader.next(r));
  CHECK(r["type"] == "end");
  CHECK_FALSE(reader.next(r));
  CHECK_FALSE(reader.torn());
}

TEST_CASE("a folder holds one journal: a second writer is refused") {
  TempFolder dir("journal");
  JournalWriter first(dir / "journal.jsonl");
  CHECK_THROWS_WITH(JournalWriter(dir / "journal.jsonl"), Catch::Contains("already holds a session"));
}

TEST_CASE("a torn last line is dropped but a broken line before it is an error") {
  TempFolder dir("journal");
  {
    std::ofstream out(dir / "journal.jsonl");
    out << R"({"type":"session"})" << '\n' << R"({"type":"rows","t":[1,2)";  // killed mid-record
  }
  JournalReader reader(dir / "journal.jsonl");
  nlohmann::json r;
  REQUIRE(reader.next(r));
  CHECK_FALSE(reader.next(r));
  CHECK(reader.torn());
  CHECK(reader.torn_bytes() == 23);

  {
    std::ofstream out(dir / "broken.jsonl");
    out << R"({"type":"session"})" << '\n' << "{not json" << '\n' << R"({"type":"end"})" << '\n';
  }
  JournalReader broken(dir / "broken.jsonl");
  REQUIRE(broken.next(r));
  CHECK_THROWS_WITH(broken.next(r), Catch::Contains("line 2: not a journal record"));
}

TEST_CASE("a missing journal says there is no session") {
  TempFolder dir("journal");
  CHECK_THROWS_AS(JournalReader(dir / "journal.jsonl"), InputError);
}

TEST_CASE("series meanings and events and analysis parameters survive the journal") {
  namespace j = lh::session::journal;
  const lh::SeriesMeaning m = lh::meaning_of("memory_usage_gb");
  const lh::SeriesMeaning back = j::meaning_from_json(j::to_json(m));
  CHECK(back.unit == lh::Unit::gib);
  CHECK(back.kind == lh::SeriesKind::memory);
  CHECK(back.to_mib == m.to_mib);

  const lh::Event e{12.3456, "conversion", lh::EventKind::restart, "pid 1 -> 2"};
  const lh::Event e2 = j::event_from_json(j::to_json(e));
  CHECK(e2.t_s == Approx(12.346));
  CHECK(e2.kind == lh::EventKind::restart);
  CHECK(e2.detail == e.detail);
  CHECK_THROWS_AS(j::event_from_json({{"t", 1}, {"kind", "exploded"}}), InputError);

  lh::analysis::AnalysisParameters p;
  p.min_window_s = 42;
  p.alpha = 0.05;
  const auto p2 = j::analysis_from_json(j::to_json(p));
  CHECK(p2.min_window_s == 42);
  CHECK(p2.alpha == 0.05);
  CHECK(j::analysis_from_json({{"alpha", 0.02}}).min_window_s == lh::analysis::AnalysisParameters{}.min_window_s);
}

TEST_CASE("a damaged journal's numbers are one-line problems, never a cast past their type (found by fuzzing)") {
  // nlohmann's get<std::uint32_t>() casts 1e300 to an integer: undefined.
  TempFolder dir("journal");
  auto reopen = [&](const std::string& header, const std::string& record) {
    std::ofstream(dir / "journal.jsonl", std::ios::trunc) << header << '\n' << record << '\n';
    try {
      lh::session::load_session(dir.path());
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(read)");
  };
  const std::string header = R"({"type":"session","format":1,"name":"x","started":"2026-01-01T00:00:00Z"})";
  CHECK_THAT(reopen(header, R"({"type":"group","id":1e300,"name":"probe"})"),
             Catch::EndsWith("line 2: an id: expected a whole number from 0 to 4294967295, got 1e+300"));
  CHECK_THAT(reopen(header, R"({"type":"group","id":-1,"name":"probe"})"), Catch::Contains("line 2: an id: expected"));
  CHECK_THAT(reopen(header, R"({"type":"group","id":4294967296,"name":"probe"})"), Catch::Contains("line 2: an id"));
  CHECK_THAT(reopen(R"({"type":"session","format":1.5e300})", ""), Catch::Contains("line 1: format: expected a whole number"));
  CHECK_THAT(reopen(R"({"type":"session","started":"2026-01-01T00:00:00Z","analysis":{"max_buckets":1e18}})", ""),
             Catch::EndsWith("line 1: analysis.max_buckets: expected a whole number from 2 to 10000, got 1e+18"));
  CHECK_THAT(reopen(R"({"type":"session","started":"2026-01-01T00:00:00Z","analysis":{"alpha":"x"}})", ""),
             Catch::Contains("line 1: analysis.alpha: expected a number from 0.0 to 1.0, got \"x\""));
  CHECK_THAT(reopen(R"({"type":"session","name":5})", ""), Catch::Contains("line 1: type must be string"));
  CHECK(reopen(R"({"type":"session","started":"2026-01-01T00:00:00Z","environment":{"cpus":1e300}})", "") == "(read)");
  CHECK_THAT(reopen(header, R"({"type":"event","t":1e300,"kind":"restart"})"),
             Catch::Contains("line 2: t: expected seconds on the session clock, from -1e9 to 1e9, got 1e+300"));
}

TEST_CASE("a journal's number beyond any memory is a gap, as a value that is not a number is") {
  TempFolder dir("journal");
  const std::string meaning = lh::session::journal::to_json(lh::meaning_of("rss_mb")).dump();
  std::ofstream(dir / "journal.jsonl")
      << R"({"type":"session","format":1,"name":"x","started":"2026-01-01T00:00:00Z"})" << '\n'
      << R"({"type":"group","id":0,"name":"probe"})" << '\n'
      << R"({"type":"series","id":0,"group":0,"name":"rss_mb","metric":"rss_mb","meaning":)" << meaning << "}\n"
      << R"({"type":"rows","group":0,"t":[0,1,2,3],"series":[0],"v":[[5,1e308,"x",6]]})" << '\n';
  const auto data = lh::session::load_session(dir.path());
  const auto id = data.store->find("rss_mb");
  REQUIRE(id);
  const auto rows = data.store->read_rows(data.store->series(*id).group, 0);
  const auto& v = rows.values.at(0);
  REQUIRE(v.size() == 4);
  CHECK(v[0] == 5);
  CHECK(std::isnan(v[1]));
  CHECK(std::isnan(v[2]));
  CHECK(v[3] == 6);
}

// A churning label leaves series that answered once: their gaps are left out
// of the journal's rows, which read back as gaps all the same.
TEST_CASE("a series with only gaps in a rows record is left out of it, and reads back as gaps") {
  TempFolder dir("journal");
  {
    lh::session::JournalWriter journal(dir / "journal.jsonl");
    journal.append(nlohmann::json::parse(R"({"type":"session","format":1,"name":"x","started":"2026-01-01T00:00:00Z"})"));
    lh::probe::SeriesStore store;
    const auto g = store.add_group("probe");
    store.add_series(g, {"rss_mb", "svc", "rss_mb", lh::meaning_of("rss_mb")});
    store.add_series(g, {"gone", "svc", "gone", {}});
    lh::session::StoreJournal recorder(store, journal);
    store.append_row(g, 0, std::vector{5.0, 1.0});
    recorder.write_new();
    for (int t = 1; t < 4; ++t) store.append_row(g, t, std::vector{5.0 + t, std::nan("")});
    recorder.write_new();
    journal.flush();
  }
  const std::string text = lh::test::read_file(dir / "journal.jsonl");
  CHECK(text.find(R"("series":[0,1],"t":[0.0])") != std::string::npos);
  CHECK(text.find(R"("series":[0],"t":[1.0,2.0,3.0])") != std::string::npos);
  const auto data = lh::session::load_session(dir.path());
  const auto gone = data.store->read_series(*data.store->find("gone"), 0);
  REQUIRE(gone.v.size() == 4);
  CHECK(gone.v[0] == 1.0);
  for (int k = 1; k < 4; ++k) CHECK(std::isnan(gone.v[static_cast<std::size_t>(k)]));
  CHECK(data.store->read_series(*data.store->find("rss_mb"), 0).v == std::vector{5.0, 6.0, 7.0, 8.0});
}
