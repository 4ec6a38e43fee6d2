#include <catch2/catch.hpp>
#include <limits>

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
  // Each number is finite, their total in seconds is not.
  CHECK_THROWS_AS(parse_duration("1e308d"), lh::InputError);
  CHECK_THROWS_AS(parse_duration("1e308s1e308s"), lh::InputError);
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

TEST_CASE("any duration formats, however large, without an integer overflow") {
  // Found by fuzzing: a scenario's "duration": "1e70m" is over the 366-day
  // limit, and its message formatted it through a cast to long long (UBSan:
  // float-cast-overflow).
  CHECK(lh::format_duration(lh::Seconds(6e72)) == "1.67e+69h");
  CHECK(lh::format_duration(lh::Seconds(-6e72)) == "-1.67e+69h");
  CHECK(lh::format_duration(lh::Seconds(std::numeric_limits<double>::infinity())) == "infinite");
  CHECK(lh::format_duration(lh::Seconds(std::numeric_limits<double>::quiet_NaN())) == "NaN");
  CHECK(lh::format_duration(lh::Seconds(-5)) == "-5.0s");
  CHECK(lh::format_duration(lh::Seconds(366 * 86400.0 + 60)) == "8784h 01m");
  CHECK(lh::format_clock(lh::Seconds(1e300)) == "2.78e+296h");
  CHECK(lh::format_clock(lh::Seconds(std::numeric_limits<double>::infinity())) == "infinite");
  CHECK(lh::format_clock(lh::Seconds(std::numeric_limits<double>::quiet_NaN())) == "00:00:00");
  CHECK(lh::format_clock(lh::Seconds(9.99e14)) == "277500000000:00:00");
}
