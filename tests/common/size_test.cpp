#include <catch2/catch.hpp>

#include "common/input_error.h"
#include "common/size.h"

using lh::parse_size;

TEST_CASE("sizes read with SI and IEC units") {
  CHECK(parse_size("8GiB") == 8.0 * 1024 * 1024 * 1024);
  CHECK(parse_size("8gib") == 8.0 * 1024 * 1024 * 1024);
  CHECK(parse_size("8G") == 8.0 * 1024 * 1024 * 1024);
  CHECK(parse_size("1.5GB") == 1.5e9);
  CHECK(parse_size("512MiB") == 512.0 * 1024 * 1024);
  CHECK(parse_size("512 MB") == 512e6);
  CHECK(parse_size("64k") == 65536);
  CHECK(parse_size("4096") == 4096);
  CHECK(parse_size("10B") == 10);
}

TEST_CASE("bad sizes are rejected with the expected form") {
  for (const char* bad : {"", "GiB", "-1GiB", "8 lightyears", "8GiBs", "1e999"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_size(bad), lh::InputError);
  }
  CHECK_THROWS_WITH(parse_size("lots"), "expected a size such as \"8GiB\" or \"512MB\", got \"lots\"");
}

TEST_CASE("bytes format with binary units") {
  CHECK(lh::format_bytes(17) == "17 B");
  CHECK(lh::format_bytes(3.2 * 1024) == "3.20 KiB");
  CHECK(lh::format_bytes(812.0 * 1024 * 1024) == "812 MiB");
  CHECK(lh::format_bytes(1.5 * 1024 * 1024 * 1024) == "1.50 GiB");
}
