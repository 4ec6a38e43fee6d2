#include <catch2/catch.hpp>

#include "common/duration.h"
#include "common/input_error.h"

using lh::parse_duration;

TEST_CASE("durations read in every form LeakHound accepts") {
  CHECK(parse_duration("500ms").count() == Approx(0.5));
  CHECK(parse_duration("0.5s").count() == Approx(0.5));
  CHECK(parse_duration("30s").count() == Approx(30));
  CHECK(parse_duration("10m").count() == Approx(600));
  CHECK(parse_duration("2h").count() == Approx(7200));
  CHECK(parse_duration("1d").count() == Approx(86400));
  CHECK(parse_duration("1h30m").count() == Approx(5400));
  CHECK(parse_duration("250us").count() == Approx(250e-6));
  CHECK(parse_duration(" 12 ").count() == Approx(12));  // a bare number is seconds, as ab's -t
  CHECK(parse_duration("0").count() == 0);
}

TEST_CASE("bad durations name what was expected") {
  for (const char* bad : {"", "abc", "-5", "5x", "1h30", "s", "10 m", "nan", "inf"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_duration(bad), lh::InputError);
  }
  CHECK_THROWS_WITH(parse_duration("-5"), "expected a duration such as \"30s\" or \"10m\", got \"-5\"");
}

TEST_CASE("durations format for people") {
  CHECK(lh::format_duration(lh::Seconds(0.85)) == "850ms");
  CHECK(lh::format_duration(lh::Seconds(4.25)) == "4.2s");
  CHECK(lh::format_duration(lh::Seconds(250)) == "4m 10s");
  CHECK(lh::format_duration(lh::Seconds(3720)) == "1h 02m");
  CHECK(lh::format_clock(lh::Seconds(250)) == "00:04:10");
  CHECK(lh::format_clock(lh::Seconds(90061)) == "25:01:01");
  CHECK(lh::format_clock(lh::Seconds(-3)) == "00:00:00");
}
