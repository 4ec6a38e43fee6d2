// Before and after: two recorded sessions' watched memory, lined up.
#include <catch2/catch.hpp>

#include "common/input_error.h"
#include "session/compare.h"
#include "synthetic_session.h"

using namespace lh::session;
using lh::test::SyntheticSession;
using lh::test::TempFolder;

TEST_CASE("compare states how the growth changed by time and by requests") {
  TempFolder a_dir("before"), b_dir("after");
  lh::test::write_synthetic_session(a_dir.path(), SyntheticSession{.name = "before", .mib_per_hour = 600});
  lh::test::write_synthetic_session(b_dir.path(),
                                    SyntheticSession{.name = "after", .mib_per_hour = 0, .requests_per_s = 200});
  const SessionData a = load_session(a_dir.path());
  const SessionData b = load_session(b_dir.path());

  const Comparison by_time = compare_sessions(a, b, CompareBy::time);
  CHECK(by_time.a.verdict == lh::analysis::VerdictKind::leak);
  CHECK(by_time.b.verdict == lh::analysis::VerdictKind::no_leak);
  REQUIRE(by_time.a.slope_per_hour);
  CHECK(*by_time.a.slope_per_hour == Approx(600).epsilon(0.05));
  REQUIRE(by_time.slope_change);
  CHECK(*by_time.slope_change < -0.9);
  CHECK(by_time.sentence.find("fell from") != std::string::npos);
  CHECK(by_time.sentence.find("% less") != std::string::npos);
  CHECK(by_time.sentence.find("per 1,000 requests") != std::string::npos);
  CHECK(by_time.a.x.back() == 600);
  CHECK(by_time.a.unit == "MiB");

  // B served twice the requests in the same time: its axis runs twice as far.
  const Comparison by_requests = compare_sessions(a, b, CompareBy::requests);
  CHECK(by_requests.a.x.back() == Approx(60000));
  CHECK(by_requests.b.x.back() == Approx(120000));

  const auto json = to_json(by_requests);
  CHECK(json["by"] == "requests");
  CHECK(json["a"]["verdict"] == "leak");
  CHECK(json["b"]["verdict"] == "no_leak");
  CHECK(json["sentence"] == by_requests.sentence);
  CHECK(json["slope_change"].is_number());
}

TEST_CASE("compare says the change as a person reads it: the same, times as fast") {
  TempFolder slow_dir("slow"), slow2_dir("slow2"), fast_dir("fast");
  lh::test::write_synthetic_session(slow_dir.path(), SyntheticSession{.name = "slow", .mib_per_hour = 600});
  lh::test::write_synthetic_session(slow2_dir.path(), SyntheticSession{.name = "slow again", .mib_per_hour = 600});
  lh::test::write_synthetic_session(fast_dir.path(), SyntheticSession{.name = "fast", .mib_per_hour = 30000});
  const SessionData slow = load_session(slow_dir.path());
  const SessionData slow2 = load_session(slow2_dir.path());
  const SessionData fast = load_session(fast_dir.path());

  // Not "rose from 600 MiB/h to 600 MiB/h, about the same".
  const std::string same = compare_sessions(slow, slow2, CompareBy::time).sentence;
  CHECK_THAT(same, Catch::Contains("growth stayed about the same, from"));
  CHECK_THAT(same, !Catch::Contains("rose") && !Catch::Contains("fell"));
  // Fifty times the growth is not "4900 % more".
  const std::string faster = compare_sessions(slow, fast, CompareBy::time).sentence;
  CHECK_THAT(faster, Catch::Contains("rose from") && Catch::Contains(" times as fast"));
  CHECK_THAT(faster, !Catch::Contains("% more"));
  const std::string slower = compare_sessions(fast, slow, CompareBy::time).sentence;
  CHECK_THAT(slower, Catch::Contains("fell from") && Catch::Contains("98 % less"));
}

TEST_CASE("compare --by takes time or requests only") {
  CHECK(parse_compare_by("time") == CompareBy::time);
  CHECK(parse_compare_by("requests") == CompareBy::requests);
  CHECK_THROWS_WITH(parse_compare_by("rps"), Catch::Contains("expected time or requests"));
}
