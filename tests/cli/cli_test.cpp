// leakhound-cli as a user meets it: its version, its help, its errors.
#include <catch2/catch.hpp>

#include "child_process.h"
#include "common/version.h"

using lh::test::run_command;

TEST_CASE("version flag prints the name and version") {
  auto r = run_command({LH_CLI_BIN, "--version"});
  CHECK(r.status == 0);
  CHECK(r.out == std::string("leakhound-cli ") + lh::kVersion + "\n");
}

TEST_CASE("help flag and no arguments describe the tool") {
  for (auto args : {std::vector<std::string>{LH_CLI_BIN, "--help"}, std::vector<std::string>{LH_CLI_BIN}}) {
    auto r = run_command(args);
    CHECK(r.status == 0);
    CHECK(r.out.find("LeakHound") != std::string::npos);
    CHECK(r.out.find("--version") != std::string::npos);
  }
}

TEST_CASE("an unknown option is one line on stderr and exit 2") {
  auto r = run_command({LH_CLI_BIN, "--frobnicate"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("--frobnicate") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}
