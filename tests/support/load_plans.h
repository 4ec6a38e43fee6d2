#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "load/load_plan.h"

namespace lh::test {

// Load plans the load tests and bench/load/engine_timing.cpp share (for
// targets that link lh_load).

// GET `url`: `count` requests over `concurrency` connections; without a
// count, until the plan's duration or stop().
inline load::LoadPlan plan_for(const std::string& url, std::optional<std::uint64_t> count, int concurrency) {
  load::LoadPlan plan;
  load::RequestTemplate request;
  request.url = url;
  plan.requests.push_back(request);
  plan.count = count;
  plan.concurrency = concurrency;
  return plan;
}

// The open model: `rate` requests/s for `seconds`, over at most `connections`.
inline load::LoadPlan rate_plan(const std::string& url, double rate, double seconds, int connections) {
  load::LoadPlan plan = plan_for(url, std::nullopt, connections);
  plan.rate = rate;
  plan.duration = Seconds(seconds);
  return plan;
}

// The demo target's /segment: a POST of a JSON text to split.
inline load::LoadPlan segment_plan(const std::string& base_url, std::optional<std::uint64_t> count, int concurrency,
                                   const std::string& text = "One. Two.") {
  load::LoadPlan plan = plan_for(base_url + "/segment", count, concurrency);
  auto& r = plan.requests.front();
  r.method = "POST";
  r.body = R"({"text": ")" + text + R"(", "language": "en"})";
  r.content_type = "application/json";
  return plan;
}

}  // namespace lh::test
