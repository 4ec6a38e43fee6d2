// ab's options turned into a plan: ab's meanings, and one-line errors that
// name the option as it was typed.
#include <curl/curl.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "common/input_error.h"
#include "load/ab_options.h"

using lh::InputError;
using lh::load::AbOptions;
using lh::load::plan_from_ab;

namespace {

AbOptions with_url(const std::string& url = "http://127.0.0.1:8080/health") {
  AbOptions o;
  o.url = url;
  return o;
}

std::string error_of(const AbOptions& o) {
  try {
    plan_from_ab(o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("ab's defaults: one request, one connection, GET, keep-alive, 30 s timeout, length check") {
  const auto plan = plan_from_ab(with_url());
  CHECK(plan.count == 1u);
  CHECK(plan.concurrency == 1);
  CHECK(!plan.duration);
  CHECK(!plan.rate);
  CHECK(plan.requests.at(0).method.empty());  // GET
  CHECK(plan.requests.at(0).url == "http://127.0.0.1:8080/health");
  CHECK(plan.keep_alive);
  CHECK(plan.timeout.count() == 30);
  CHECK(plan.check_length);
}

TEST_CASE("ab's options map to the plan with ab's meanings") {
  const auto body = std::filesystem::temp_directory_path() / "lh_ab_options_body.json";
  std::ofstream(body) << R"({"text": "One. Two."})";
  auto o = with_url("http://127.0.0.1:8080/segment");
  o.requests = "1000";
  o.concurrency = "50";
  o.keep_alive = true;
  o.post_file = body.string();
  o.headers = {"X-Trace: 1", "Accept: application/json"};
  o.cookies = {"session=abc"};
  o.timeout = "2.5";
  o.timelimit = "1m30s";
  o.variable_length = true;
  auto plan = plan_from_ab(o);
  CHECK(plan.count == 1000u);
  CHECK(plan.concurrency == 50);
  CHECK(plan.duration->count() == 90);
  CHECK(plan.timeout.count() == 2.5);
  CHECK(!plan.check_length);
  const auto& r = plan.requests.at(0);
  CHECK(r.method == "POST");
  CHECK(r.body_file == body);
  CHECK(r.content_type == "text/plain");  // ab's default for -p
  CHECK(r.headers == std::vector<std::string>{"X-Trace: 1", "Accept: application/json", "Cookie: session=abc"});

  o.content_type = "application/json";
  o.method = "PATCH";
  plan = plan_from_ab(o);
  CHECK(plan.requests.at(0).content_type == "application/json");
  CHECK(plan.requests.at(0).method == "PATCH");

  o = with_url();
  o.put_file = body.string();
  CHECK(plan_from_ab(o).requests.at(0).method == "PUT");
  o = with_url();
  o.head = true;
  CHECK(plan_from_ab(o).requests.at(0).method == "HEAD");
  std::filesystem::remove(body);
}

TEST_CASE("LeakHound's additions: rate, stages, upload, HTTP/2, insecure, no keep-alive") {
  auto o = with_url("https://127.0.0.1:8443/convert");
  o.rate = "250";
  o.stages = {"30s:500", "1m:500"};
  o.upload = std::filesystem::temp_directory_path().string();
  o.http2 = true;
  o.insecure = true;
  o.keep_alive_off = true;
  const auto plan = plan_from_ab(o);
  CHECK(plan.rate == 250.0);
  CHECK(plan.concurrency == 100);  // the open model's default bound
  REQUIRE(plan.stages.size() == 2);
  CHECK(plan.stages[0].duration.count() == 30);
  CHECK(plan.stages[0].target == 500);
  CHECK(plan.stages[1].duration.count() == 60);
  CHECK(!plan.count);  // the stages end the run
  CHECK(plan.requests.at(0).method == "POST");
  CHECK(plan.requests.at(0).upload == std::filesystem::temp_directory_path());
  CHECK(!plan.check_length);  // every uploaded file has an answer of its own
  CHECK(plan.http2);
  CHECK(plan.insecure);
  CHECK(!plan.keep_alive);
}

TEST_CASE("HTTP/2 over plain http:// is refused where libcurl cannot reuse such connections") {
  auto o = with_url("http://127.0.0.1:8080/");
  o.http2 = true;
  if (curl_version_info(CURLVERSION_NOW)->version_num < 0x080000) {
    CHECK(error_of(o).starts_with("--http2: HTTP/2 over plain http:// needs libcurl 8.0 or later"));
  } else {
    CHECK(error_of(o) == "(no error)");
  }
  o.url = "https://127.0.0.1:8443/";
  CHECK(error_of(o) == "(no error)");
}

TEST_CASE("bad input is one line naming the option") {
  auto o = with_url();
  o.requests = "0";
  CHECK(error_of(o) == "-n: expected at least 1 request (a whole number), got \"0\"");
  o = with_url();
  o.concurrency = "0";
  CHECK(error_of(o) == "-c: expected at least 1 connection (a whole number), got \"0\"");
  o = with_url();
  o.requests = "10";
  o.concurrency = "20";
  CHECK(error_of(o) == "-c: cannot be more than the number of requests (20 > 10)");
  CHECK(error_of(with_url("htp:/nowhere")).starts_with("URL: expected"));
  CHECK(error_of(with_url("")) == "URL: expected an http:// or https:// URL such as http://127.0.0.1:8080/path, got nothing");
  CHECK(error_of(with_url("ftp://127.0.0.1/file")).starts_with("URL: expected an http:// or https:// URL"));
  o = with_url();
  o.post_file = "/no/such/body.json";
  CHECK(error_of(o) == "-p: no such file: \"/no/such/body.json\"");
  o = with_url();
  o.timelimit = "soon";
  CHECK(error_of(o).starts_with("-t: expected a duration"));
  o = with_url();
  o.rate = "-3";
  CHECK(error_of(o).starts_with("--rate: expected a positive number"));
  o = with_url();
  o.stages = {"30s"};
  CHECK(error_of(o).starts_with("--stage: expected DURATION:TARGET"));
  o = with_url();
  o.upload = "/no/such/folder";
  CHECK(error_of(o) == "--upload: no such file or folder: \"/no/such/folder\"");
  for (const auto& message : {error_of(with_url("htp:/nowhere")), error_of(o)}) {
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("every limit is one line naming the limit and the value, as typed") {
  const auto with = [](auto set) {
    auto o = with_url();
    set(o);
    return error_of(o);
  };
  CHECK(with([](AbOptions& o) { o.concurrency = "20001", o.requests = "50000"; }) ==
        "-c: the limit is 20000 connections, got 20001");
  CHECK(with([](AbOptions& o) { o.concurrency = "99999999999999999999"; }) ==
        "-c: the limit is 20000 connections, got 99999999999999999999");
  CHECK(with([](AbOptions& o) { o.requests = "99999999999999999999"; }) ==
        "-n: the limit is 9007199254740992 requests, got 99999999999999999999");
  CHECK(with([](AbOptions& o) { o.requests = "9007199254740993"; }) ==
        "-n: the limit is 9007199254740992 requests, got 9007199254740993");
  CHECK(with([](AbOptions& o) { o.requests = "1e6"; }) == "-n: expected at least 1 request (a whole number), got \"1e6\"");
  CHECK(with([](AbOptions& o) { o.rate = "1e8"; }) == "--rate: the limit is 10000000 requests per second, got 100000000");
  CHECK(with([](AbOptions& o) { o.timelimit = "367d"; }) == "-t: the limit is 366 days, got 8808h 00m");
  CHECK(with([](AbOptions& o) { o.timeout = "25h"; }) == "-s: the limit is 1 day per request, got 25h 00m");
  CHECK(with([](AbOptions& o) { o.stages = {"30s:10", "1m:20001"}; }) ==
        "--stage \"1m:20001\": the limit is 20000 connections (without a rate, a stage's target is the concurrency), got 20001");
  CHECK(with([](AbOptions& o) { o.stages = {"300d:5", "100d:5"}; }) ==
        "--stage: the limit is 366 days in all, got 9600h 00m");
  CHECK(with([](AbOptions& o) { o.rate = "100", o.stages = {"1m:20000000"}; }) ==
        "--stage \"1m:20000000\": the limit is 10000000 requests per second, got 20000000");
  // At the limits: accepted.
  CHECK(with([](AbOptions& o) { o.concurrency = "20000", o.requests = "20000"; }) == "(no error)");
  CHECK(with([](AbOptions& o) { o.requests = "9007199254740992", o.rate = "10000000"; }) == "(no error)");
}

TEST_CASE("a header or method that would write lines of its own into the request is refused, shown escaped") {
  const auto with = [](auto set) {
    auto o = with_url();
    set(o);
    return error_of(o);
  };
  const std::string header = with([](AbOptions& o) { o.headers = {"X-A: 1\r\nX-Injected: 2"}; });
  CHECK(header == "-H: a header cannot hold a line break or NUL (it would write lines of its own into the request), "
                  "got \"X-A: 1\\r\\nX-Injected: 2\"");
  CHECK(with([](AbOptions& o) { o.headers = {"Bad Name: x"}; }).starts_with("-H: expected \"Name: value\""));
  CHECK(with([](AbOptions& o) { o.headers = {"no colon"}; }).starts_with("-H: expected \"Name: value\""));
  CHECK(with([](AbOptions& o) { o.method = "GET / HTTP/1.1\r\nHost: evil\r\n\r\nGET"; }) ==
        "-m: expected an HTTP method such as GET or POST, got \"GET / HTTP/1.1\\r\\nHost: evil\\r\\n\\r\\nGET\"");
  CHECK(with([](AbOptions& o) { o.content_type = "text/plain\nX: y", o.post_file = "/etc/passwd"; })
            .starts_with("-T: a header cannot hold a line break"));
  CHECK(with([](AbOptions& o) { o.method = "PURGE"; }) == "(no error)");
}

TEST_CASE("URLs libcurl would read another way than people mean are refused in one line") {
  CHECK(error_of(with_url("http:///ok")) == "URL: expected a host after http://, got \"http:///ok\"");
  CHECK(error_of(with_url("http:/ok")) == "URL: expected a host after http://, got \"http:/ok\"");
  CHECK(error_of(with_url("https://")) == "URL: expected a host after https://, got \"https://\"");
  CHECK(error_of(with_url("http://127.0.0.1:0/")) == "URL: expected a port from 1 to 65535, got \"http://127.0.0.1:0/\"");
  CHECK(error_of(with_url("http://h/\r\nX: y")) ==
        "URL: expected a URL such as http://127.0.0.1:8080/path, got \"http://h/\\r\\nX: y\"");
  CHECK(error_of(with_url("file:///etc/passwd")).starts_with("URL: expected an http:// or https:// URL"));
  CHECK(error_of(with_url("HTTP://127.0.0.1:8080/x")) == "(no error)");
  CHECK(error_of(with_url("http://[::1]:8080/x?q=1")) == "(no error)");
}
