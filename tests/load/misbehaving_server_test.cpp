// A server that misbehaves on purpose (raw_server.h): each way of breaking an
// answer is counted under the same cause by both of the engine's paths, the
// fast path (http-parser) and full libcurl transfers, and worded without
// "Success".
#include <catch2/catch.hpp>

#include "raw_server.h"
#include "run_plan.h"

using lh::load::FailureCause;
using lh::test::failures;
using lh::test::plan_for;
using lh::test::RawServer;
using lh::test::run_plan;

namespace {

RawServer::Reply reply_for(const std::string& request_line) {
  using End = RawServer::End;
  if (request_line.starts_with("GET /short ")) {  // a body shorter than its Content-Length
    return {"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten.\n", End::close};
  }
  if (request_line.starts_with("GET /chunks-cut ")) {  // a chunked body that never ends
    return {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", End::close};
  }
  if (request_line.starts_with("GET /nothing ")) return {"", End::close};  // closes without answering
  if (request_line.starts_with("GET /reset ")) return {"", End::reset};
  if (request_line.starts_with("GET /reset-mid-body ")) {
    return {"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten.\n", End::reset};
  }
  if (request_line.starts_with("GET /half-headers ")) return {"HTTP/1.1 200 OK\r\nContent-Le", End::close};
  if (request_line.starts_with("GET /not-http ")) return {"SSH-2.0-OpenSSH_9.2\r\n\r\n", End::close};
  if (request_line.starts_with("GET /interim ")) {  // 100 Continue and 103 Early Hints before the answer
    return {"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n",
            End::keep_alive};
  }
  return {"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", End::close};
}

}  // namespace

TEST_CASE("both paths name the same cause for each way an answer breaks") {
  const bool fast = GENERATE(true, false);
  const auto [path, cause] = GENERATE(table<std::string, FailureCause>({
      {"/short", FailureCause::length},
      {"/chunks-cut", FailureCause::length},
      {"/nothing", FailureCause::reset},
      {"/reset", FailureCause::reset},
      {"/reset-mid-body", FailureCause::reset},
      {"/half-headers", FailureCause::reset},
      {"/not-http", FailureCause::read},
  }));
  INFO((fast ? "fast path " : "libcurl path ") << path);
  RawServer server(reply_for);
  auto plan = plan_for(server.url(path), 3, 1);
  plan.fast_http1 = fast;
  const auto s = run_plan(plan);
  CHECK(s.totals.completed == 3);
  CHECK(failures(s, cause) == 3);
  CHECK(s.totals.failed() == 3);
  CHECK(!s.first_error.empty());
  CHECK(s.first_error.find("Success") == std::string::npos);
}

// An interim answer (1xx) is not the answer: the one after it is. Read as
// the answer, each 100 Continue was a non-2xx response with no body, and the
// real answer behind it was then taken for the next request's.
TEST_CASE("interim answers (100 Continue, 103 Early Hints) are read past on both paths") {
  const bool fast = GENERATE(true, false);
  INFO((fast ? "fast path" : "libcurl path"));
  RawServer server(reply_for);
  auto plan = plan_for(server.url("/interim"), 6, 2);
  plan.fast_http1 = fast;
  const auto s = run_plan(plan);
  CHECK(s.totals.completed == 6);
  CHECK(s.totals.failed() == 0);
  CHECK(s.totals.non_2xx == 0);
}
