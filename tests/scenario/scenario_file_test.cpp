// Scenario files on disk: reading, and saving atomically.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "scenario/parse.h"
#include "scenario/scenario_file.h"
#include "scenario/serialize.h"
#include "scenario_texts.h"
#include "temp_dir.h"

using namespace lh::scenario;
using lh::test::TempDir;

namespace {

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t entries(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

}  // namespace

TEST_CASE("save then load gives the same scenario, and leaves nothing else behind") {
  TempDir dir;
  const auto file = dir.path() / "every.leakhound.json";
  const Scenario s = read_scenario(lh::test::kEveryKey);
  save_scenario_file(file, s);
  CHECK(file_text(file) == lh::test::kEveryKey);
  CHECK(load_scenario_file(file) == s);
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("saving over a file replaces it whole and keeps its permissions") {
  TempDir dir;
  const auto file = dir.write("s.leakhound.json", std::string(100000, 'x'));
  REQUIRE(::chmod(file.c_str(), 0640) == 0);
  const Scenario s = read_scenario(lh::test::kSmallest);
  save_scenario_file(file, s);
  CHECK(file_text(file) == to_text(s));
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(entries(dir.path()) == 1);
  // A new file gets the usual rw-rw-rw- less the umask (rw-r--r-- under 022).
  const auto fresh = dir.path() / "new.leakhound.json";
  save_scenario_file(fresh, s);
  REQUIRE(::stat(fresh.c_str(), &st) == 0);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK((st.st_mode & 07777) == (0666 & ~mask));
}

TEST_CASE("a save that cannot happen says why and leaves the old file as it was") {
  TempDir dir;
  CHECK_THROWS_WITH(save_scenario_file(dir.path() / "missing/x.leakhound.json", Scenario{}),
                    Catch::EndsWith("x.leakhound.json\": cannot be written (No such file or directory)"));
  // A folder where the file should be: the rename fails, the temporary goes.
  std::filesystem::create_directories(dir.path() / "taken.leakhound.json/inside");
  CHECK_THROWS_WITH(save_scenario_file(dir.path() / "taken.leakhound.json", Scenario{}),
                    Catch::EndsWith("cannot be written (Is a directory)"));
  CHECK(entries(dir.path()) == 1);
  CHECK(std::filesystem::is_directory(dir.path() / "taken.leakhound.json/inside"));
}

TEST_CASE("reading a file that is not there, or too large, is a problem like any other") {
  TempDir dir;
  auto parsed = parse_scenario_file(dir.path() / "absent.leakhound.json");
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].path.empty());
  CHECK(parsed.problems[0].message == "cannot read the file: No such file or directory");
  const auto big = dir.write("big.leakhound.json", std::string(17u << 20, ' '));
  parsed = parse_scenario_file(big);
  REQUIRE(parsed.problems.size() == 1);
  CHECK(parsed.problems[0].message == "the file is 17 MiB; a scenario is a few KiB of JSON");
  try {
    load_scenario_file(big);
    FAIL("no error");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()) == big.string() + ": the file is 17 MiB; a scenario is a few KiB of JSON");
  }
}

TEST_CASE("a scenario's name from its file name") {
  CHECK(name_from_file("/x/segmentation-service.leakhound.json") == "segmentation-service");
  CHECK(name_from_file("demo.json") == "demo");
  CHECK(name_from_file("plain") == "plain");
}
