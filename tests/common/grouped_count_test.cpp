#include <catch2/catch.hpp>

#include "common/grouped_count.h"

TEST_CASE("a count has its thousands apart") {
  CHECK(lh::grouped_count(0) == "0");
  CHECK(lh::grouped_count(999) == "999");
  CHECK(lh::grouped_count(1000) == "1,000");
  CHECK(lh::grouped_count(178025) == "178,025");
  CHECK(lh::grouped_count(1234567) == "1,234,567");
  CHECK(lh::grouped_count(18446744073709551615ULL) == "18,446,744,073,709,551,615");
}
