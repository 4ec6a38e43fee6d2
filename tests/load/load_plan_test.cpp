// A plan's check(): every problem at once, each with its field's path, so
// callers name it in their own words (the scenario's JSON path, bench's
// options) without reading it back out of the message.
#include <catch2/catch.hpp>

#include "common/input_error.h"
#include "load/load_plan.h"

using lh::Problem;
using lh::load::LoadPlan;

namespace {

LoadPlan good_plan() {
  LoadPlan plan;
  lh::load::RequestTemplate request;
  request.url = "http://127.0.0.1:8080/";
  plan.requests = {request, request};
  plan.count = 10;
  return plan;
}

}  // namespace

TEST_CASE("a good plan has no problems") { CHECK(lh::load::check(good_plan()).empty()); }

TEST_CASE("check() finds every problem of a plan, each at its field's path") {
  LoadPlan plan = good_plan();
  plan.requests[1].url = "ftp://example.com/";
  plan.requests[1].headers = {"Bad Name: x"};
  plan.concurrency = 0;
  plan.rate = -1;
  plan.stages = {lh::load::Stage{lh::Seconds(1), 1}, lh::load::Stage{lh::Seconds(1), -2}};
  const auto problems = lh::load::check(plan);
  std::vector<std::string> paths;
  for (const Problem& p : problems) paths.push_back(p.path);
  CHECK(paths == std::vector<std::string>{"requests[1].url", "requests[1].headers", "concurrency", "rate",
                                          "stages[1].target"});
  CHECK(problems[2].message == "expected at least 1, got 0");
  CHECK(problems[4].message == "expected a number >= 0, got -2");
  // validate() throws the first, as "path: message".
  CHECK_THROWS_WITH(lh::load::validate(plan), problems[0].path + ": " + problems[0].message);
}

TEST_CASE("a plan that would never end is a problem of the whole plan") {
  LoadPlan plan = good_plan();
  plan.count.reset();
  CHECK(lh::load::check(plan) ==
        lh::Problems{{"", "expected a number of requests, a duration or stages: the run would never end"}});
}
