// The journal: append-only JSON lines, whole after a kill but for a torn
// last line, which the reader drops.
#include <catch2/catch.hpp>
#include <fstream>

#include "common/input_error.h"
#include "session/journal_reader.h"
#include "session/journal_records.h"
#include "session/journal_writer.h"
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
