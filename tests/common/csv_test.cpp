#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "common/csv.h"
#include "common/input_error.h"

TEST_CASE("CSV writer quotes only what must be quoted and marks gaps empty") {
  std::ostringstream out;
  lh::CsvWriter csv(out);
  csv.field("t_s").field("memory.rss_mb").field("note").end_row();
  csv.field(1.5).field(std::nan("")).field("a, \"quoted\"\nline").end_row();
  csv.field(std::int64_t{42}).field(0.1).empty().end_row();
  CHECK(out.str() == "t_s,memory.rss_mb,note\n1.5,,\"a, \"\"quoted\"\"\nline\"\n42,0.1,\n");
}

TEST_CASE("CSV reader reads back what the writer wrote") {
  std::istringstream in("\xEF\xBB\xBFt_s,value\r\n1,\"x,\"\"y\"\"\nz\"\n2,\n");
  lh::CsvReader csv(in);
  std::vector<std::string> row;
  REQUIRE(csv.next(row));
  CHECK(row == std::vector<std::string>{"t_s", "value"});
  REQUIRE(csv.next(row));
  CHECK(row == std::vector<std::string>{"1", "x,\"y\"\nz"});
  CHECK(csv.line() == 2);
  REQUIRE(csv.next(row));
  CHECK(row == std::vector<std::string>{"2", ""});
  CHECK(csv.line() == 4);
  CHECK_FALSE(csv.next(row));
}

TEST_CASE("CSV reader takes lone CR line ends, as spreadsheets on macOS save them") {
  std::istringstream in("t_s,rss_mb\r0,100\r1,\"10\r1\"\r\r2,102");
  lh::CsvReader csv(in);
  std::vector<std::string> row;
  REQUIRE(csv.next(row));
  CHECK(row == std::vector<std::string>{"t_s", "rss_mb"});
  REQUIRE(csv.next(row));
  CHECK(row == std::vector<std::string>{"0", "100"});
  REQUIRE(csv.next(row));
  CHECK(row == std::vector<std::string>{"1", "10\n1"});
  CHECK(csv.line() == 3);
  REQUIRE(csv.next(row));
  CHECK(row == std::vector<std::string>{""});
  REQUIRE(csv.next(row));
  CHECK(row == std::vector<std::string>{"2", "102"});
  CHECK(csv.line() == 6);
  CHECK_FALSE(csv.next(row));
}

TEST_CASE("CSV reader names the line of an unterminated quote") {
  std::istringstream in("a,b\n1,\"open\n2,3\n");
  lh::CsvReader csv(in);
  std::vector<std::string> row;
  REQUIRE(csv.next(row));
  CHECK_THROWS_WITH(csv.next(row), "line 2: a quoted field is never closed");
}
