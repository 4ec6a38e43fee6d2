// leakhound-cli report and compare on recorded sessions: the files, the
// PDFs, and one-line errors with exit 2 for bad input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "pdf_checks.h"
#include "synthetic_session.h"

using lh::test::read_file;
using lh::test::run_command;
using lh::test::squeezed;
using lh::test::SyntheticSession;
using lh::test::TempFolder;

namespace {

bool one_line(const std::string& err) { return std::count(err.begin(), err.end(), '\n') == 1; }

}  // namespace

TEST_CASE("report DIR writes the session's files and PDF and prints the verdict") {
  TempFolder dir("cli_report");
  SyntheticSession spec;
  spec.mib_per_hour = 600;
  lh::test::write_synthetic_session(dir.path(), spec);
  const auto r = run_command({LH_CLI_BIN, "report", dir.path().string()});
  REQUIRE(r.status == 0);
  INFO(r.out << r.err);
  CHECK(r.out.rfind("Leak: memory.rss_mb grows", 0) == 0);
  CHECK(r.out.find("Results in " + dir.path().string()) != std::string::npos);
  CHECK(r.err.empty());
  for (const char* name : {"samples.csv", "events.csv", "requests.csv", "summary.json", "report.pdf"}) {
    CHECK(std::filesystem::exists(dir / name));
  }
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  const std::string sentence = summary["headline"]["sentence"];
  CHECK(r.out.find(sentence) != std::string::npos);
  CHECK(squeezed(lh::test::pdf_text(dir / "report.pdf")).find(squeezed(sentence)) != std::string::npos);
  CHECK(lh::test::pdf_page_ink(dir / "report.pdf", 1) > 0.02);

  // Again: the same files (the journal is the source, not the last output).
  const std::string samples = read_file(dir / "samples.csv");
  REQUIRE(run_command({LH_CLI_BIN, "report", dir.path().string()}).status == 0);
  CHECK(read_file(dir / "samples.csv") == samples);
}

TEST_CASE("report on a full disk says which file and why, exit 4, and leaves no cut or 0-byte report.pdf") {
  TempFolder dir("cli_report_full");
  SyntheticSession spec;
  spec.mib_per_hour = 600;
  lh::test::write_synthetic_session(dir.path(), spec);
  REQUIRE(run_command({LH_CLI_BIN, "report", dir.path().string()}).status == 0);
  const std::string pdf_before = read_file(dir / "report.pdf");
  std::uintmax_t largest_other = 0;
  for (const char* name : {"samples.csv", "events.csv", "requests.csv", "summary.json"}) {
    largest_other = std::max(largest_other, std::filesystem::file_size(dir / name));
  }
  // Room for every file but the PDF: the PDF is the one that cannot be written.
  const int blocks = static_cast<int>(largest_other / 512 + 1);
  REQUIRE(static_cast<std::uintmax_t>(blocks) * 512 < pdf_before.size());
  const auto files_before = std::distance(std::filesystem::directory_iterator(dir.path()), {});

  const auto r = run_command(lh::test::with_file_size_limit(blocks, {LH_CLI_BIN, "report", dir.path().string()}));
  INFO(r.out << r.err);
  CHECK(r.status == 4);
  CHECK(r.err == "leakhound-cli report: \"" + (dir / "report.pdf").string() + "\": cannot be written (File too large)\n");
  CHECK(r.out.find("Results in") == std::string::npos);
  CHECK(read_file(dir / "report.pdf") == pdf_before);  // the old report, whole
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == files_before);  // no temporary left

  // A folder with no report yet gets none, rather than a 0-byte or cut one.
  std::filesystem::remove(dir / "report.pdf");
  CHECK(run_command(lh::test::with_file_size_limit(blocks, {LH_CLI_BIN, "report", dir.path().string()})).status == 4);
  CHECK(!std::filesystem::exists(dir / "report.pdf"));
}

TEST_CASE("report on a folder without a session is bad input") {
  TempFolder dir("cli_report_bad");
  const auto r = run_command({LH_CLI_BIN, "report", dir.path().string()});
  CHECK(r.status == 2);
  CHECK(one_line(r.err));
  CHECK(r.err.find("no session journal") != std::string::npos);
  CHECK(run_command({LH_CLI_BIN, "report"}).status == 2);
}

TEST_CASE("compare writes the overlay PDF and the JSON and states the change") {
  TempFolder a("cli_before"), b("cli_after"), out("cli_compare");
  SyntheticSession before;
  before.name = "before";
  before.mib_per_hour = 600;
  SyntheticSession after;
  after.name = "after";
  lh::test::write_synthetic_session(a.path(), before);
  lh::test::write_synthetic_session(b.path(), after);
  const auto pdf = out / "change.pdf";
  const auto r = run_command({LH_CLI_BIN, "compare", a.path().string(), b.path().string(), "--out", pdf.string(), "--by",
                              "requests"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("fell from") != std::string::npos);
  const auto json = nlohmann::json::parse(read_file(out / "change.json"));
  CHECK(json["by"] == "requests");
  CHECK(json["a"]["verdict"] == "leak");
  CHECK(json["b"]["verdict"] == "no_leak");
  CHECK(r.out.find(json["sentence"].get<std::string>()) != std::string::npos);
  CHECK(squeezed(lh::test::pdf_text(pdf)).find(squeezed(json["sentence"])) != std::string::npos);
}

TEST_CASE("compare with bad input exits 2 with one line") {
  TempFolder a("cli_cmp_a"), empty("cli_cmp_empty");
  lh::test::write_synthetic_session(a.path(), SyntheticSession{});
  for (const auto& args : std::vector<std::vector<std::string>>{
           {LH_CLI_BIN, "compare", a.path().string(), empty.path().string()},
           {LH_CLI_BIN, "compare", a.path().string(), a.path().string(), "--by", "rps"},
           {LH_CLI_BIN, "compare", a.path().string(), a.path().string(), "--out", (empty / "x.txt").string()},
           {LH_CLI_BIN, "compare", a.path().string()}}) {
    const auto r = run_command(args);
    INFO(args.back() << ": " << r.err);
    CHECK(r.status == 2);
    CHECK(one_line(r.err));
  }
}
