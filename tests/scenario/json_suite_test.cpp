// The scenario reader over JSONTestSuite (tests/fixtures/README.md): a
// y_ text is read (whatever it then lacks as a scenario), an n_ text is a
// syntax problem, an i_ text either; none crashes and every problem is
// one line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/json_document.h"
#include "scenario/parse.h"

using namespace lh::scenario;
namespace fs = std::filesystem;

TEST_CASE("JSONTestSuite: y_ files are read, n_ files refused, i_ either, none crashes") {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(LH_SOURCE_DIR) / "tests/fixtures/json_test_suite/test_parsing")) {
    const std::string name = entry.path().filename().string();
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    INFO(name);
    JsonDocument document;
    REQUIRE_NOTHROW(document = read_json_document(text.str()));
    if (name.starts_with("y_")) CHECK(document.complete);
    if (name.starts_with("n_")) CHECK_FALSE(document.complete);
    ParsedScenario parsed;
    REQUIRE_NOTHROW(parsed = parse_scenario(text.str()));
    CHECK_FALSE(parsed.ok());  // none of them is a scenario
    for (const auto& p : parsed.problems) CHECK(p.text().find('\n') == std::string::npos);
    ++files;
  }
  CHECK(files == 318);
}
