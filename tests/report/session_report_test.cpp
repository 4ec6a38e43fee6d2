// The PDF reports, checked the way a reader meets them: poppler's text and
// a rendered page.
#include <QFile>
#include <catch2/catch.hpp>
#include <cmath>

#include "pdf_checks.h"
#include "report/compare_report.h"
#include "report/session_charts.h"
#include "report/session_report.h"
#include "session/compare.h"
#include "session/session_data.h"
#include "analysis/verdict_words.h"
#include "synthetic_session.h"

using namespace lh::session;
using lh::test::squeezed;
using lh::test::SyntheticSession;
using lh::test::TempFolder;

TEST_CASE("a session's report holds its verdict sentence, charts on its first page, and every section") {
  TempFolder dir("report");
  SyntheticSession spec;
  spec.name = "leaky";
  spec.mib_per_hour = 600;
  spec.limit_mib = 2048;
  spec.restarts_s = {400};
  lh::test::write_synthetic_session(dir.path(), spec);
  const SessionData data = load_session(dir.path());
  const auto pdf = dir / "report.pdf";
  lh::ui::report::write_session_report(data, pdf);

  QFile file(QString::fromStdString(pdf.string()));
  REQUIRE(file.open(QIODevice::ReadOnly));
  const QByteArray bytes = file.readAll();
  CHECK(bytes.startsWith("%PDF"));
  INFO(bytes.size() << " bytes");
  CHECK(bytes.size() < 400'000);                    // vectors reduced to the page: small
  CHECK_FALSE(bytes.contains("/Subtype /Image"));  // and no bitmaps

  const std::string text = squeezed(lh::test::pdf_text(pdf));
  REQUIRE_FALSE(text.empty());
  CHECK(text.find(squeezed(lh::analysis::verdict_sentence(data.watched()->name, data.watched()->verdict))) != std::string::npos);
  for (const char* section : {"Memory, CPU and load", "Other memory and cache series", "Load statistics",
                              "Leak evidence", "Events", "Scenario settings", "Environment", "Watched memory and CPU",
                              "Throughput", "Latency", "restart"}) {
    INFO(section);
    CHECK(text.find(section) != std::string::npos);
  }
  CHECK(text.find("secret-token") == std::string::npos);
  CHECK(lh::test::pdf_pages(pdf) >= 3);
  const double ink = lh::test::pdf_page_ink(pdf, 1);
  CHECK(ink > 0.02);  // a verdict box and a chart, not a blank page
  CHECK(ink < 0.6);   // and not a black one
}

TEST_CASE("a killed session's report says it was rebuilt") {
  TempFolder dir("report");
  SyntheticSession spec;
  spec.seconds = 120;
  spec.ended = false;
  lh::test::write_synthetic_session(dir.path(), spec);
  const SessionData data = load_session(dir.path());
  lh::ui::report::write_session_report(data, dir / "report.pdf");
  CHECK(squeezed(lh::test::pdf_text(dir / "report.pdf")).find("killed: rebuilt from its journal") != std::string::npos);
}

TEST_CASE("the compare report overlays both runs and states the change") {
  TempFolder a_dir("before"), b_dir("after");
  SyntheticSession a, b;
  a.name = "before";
  a.mib_per_hour = 600;
  b.name = "after";
  lh::test::write_synthetic_session(a_dir.path(), a);
  lh::test::write_synthetic_session(b_dir.path(), b);
  for (CompareBy by : {CompareBy::time, CompareBy::requests}) {
    const Comparison c = compare_sessions(load_session(a_dir.path()), load_session(b_dir.path()), by);
    const auto pdf = a_dir / "compare.pdf";
    lh::ui::report::write_compare_report(c, pdf);
    const std::string text = squeezed(lh::test::pdf_text(pdf));
    CHECK(text.find(squeezed(c.sentence)) != std::string::npos);
    CHECK(text.find("A: before") != std::string::npos);
    CHECK(text.find("B: after") != std::string::npos);
    // The bottom axis counts requests when the runs line up by them.
    CHECK((text.find("30,000") != std::string::npos) == (by == CompareBy::requests));
    CHECK(lh::test::pdf_page_ink(pdf, 1) > 0.02);
  }
}

TEST_CASE("a figure measured now and then is drawn as a line: a long outage stays a break") {
  const double nan = std::nan("");
  // Every 0.5 s, a value every 2 s (PSS), then 20 s without any (the source was down).
  std::vector<double> t, v;
  for (int i = 0; i <= 40; ++i) {
    t.push_back(i * 0.5);
    v.push_back(i % 4 == 0 ? 100.0 + i : nan);
  }
  for (int i = 41; i <= 80; ++i) {
    t.push_back(i * 0.5);
    v.push_back(nan);
  }
  t.push_back(40.5);
  v.push_back(200);
  lh::ui::report::bridge_short_gaps(t, v);
  std::size_t gaps = 0, values = 0;
  for (double x : v) (std::isnan(x) ? gaps : values) += 1;
  CHECK(values == 12);
  CHECK(gaps == 1);  // the outage
  REQUIRE(std::isnan(v[v.size() - 2]));
  CHECK(t[v.size() - 2] == 20.5);
}

TEST_CASE("a session that only watched has no load section, and names what counted its requests") {
  TempFolder dir("report_watch");
  SyntheticSession spec;
  spec.name = "watched";
  spec.mib_per_hour = 600;
  spec.with_load = false;
  spec.request_counter = "requests_served";
  lh::test::write_synthetic_session(dir.path(), spec);
  const SessionData data = load_session(dir.path());
  const auto pdf = dir / "report.pdf";
  lh::ui::report::write_session_report(data, pdf);

  const std::string text = squeezed(lh::test::pdf_text(pdf));
  REQUIRE_FALSE(text.empty());
  for (const char* shown : {"Memory and CPU", "none sent: the session only watched", "Requests served",
                            "60,000, counted by requests_served", "per 1,000 requests", "Leak evidence", "Events"}) {
    INFO(shown);
    CHECK(text.find(shown) != std::string::npos);
  }
  lh::test::check_no_load_sections(text);
}
