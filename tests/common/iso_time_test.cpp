#include <catch2/catch.hpp>

#include "common/input_error.h"
#include "common/iso_time.h"

using namespace std::chrono;

TEST_CASE("ISO-8601 times round-trip in UTC with milliseconds") {
  const auto t = sys_days{2026y / November / 21} + 20h + 3min + 4s + 123ms;
  CHECK(lh::format_iso8601(t) == "2026-11-21T20:03:04.123Z");
  CHECK(lh::parse_iso8601("2026-11-21T20:03:04.123Z") == t);
}

TEST_CASE("ISO-8601 accepts offsets, fractions and a space separator") {
  const auto utc = sys_days{2025y / May / 31} + 12h;
  CHECK(lh::parse_iso8601("2025-05-31T12:00:00") == utc);
  CHECK(lh::parse_iso8601("2025-05-31 12:00:00Z") == utc);
  CHECK(lh::parse_iso8601("2025-05-31T15:00:00+03:00") == utc);
  CHECK(lh::parse_iso8601("2025-05-31T07:30:00-0430") == utc);
  // Python's datetime.isoformat() writes microseconds.
  CHECK(lh::parse_iso8601("2025-05-31T12:00:00.250000") == utc + 250ms);
}

TEST_CASE("malformed ISO-8601 times are rejected") {
  for (const char* bad : {"", "2025-05-31", "2025-13-01T00:00:00", "2025-02-30T00:00:00", "2025-05-31T25:00:00",
                          "2025-05-31T12:00:00+3", "2025-05-31T12:00:00.Z", "2025-05-31T12:00:00 junk", "yesterday",
                          // Past what 64 bits of nanoseconds hold (fuzzing found 8524 overflowing them).
                          "8524-01-01T00:00:00Z", "2262-06-01T00:00:00Z", "1677-01-01T00:00:00Z"}) {
    INFO(bad);
    CHECK_THROWS_AS(lh::parse_iso8601(bad), lh::InputError);
  }
}
