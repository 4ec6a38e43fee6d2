// leakhound-cli bench as a user meets it: ab's summary, --json, and one-line
// errors with ab's option names.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "demo_target.h"
#include "loopback_server.h"
#include "raw_server.h"

using lh::test::run_command;

namespace {

std::vector<std::string> bench(std::vector<std::string> args) {
  args.insert(args.begin(), {LH_CLI_BIN, "bench"});
  return args;
}

}  // namespace

TEST_CASE("bench prints ab's summary and writes the JSON summary") {
  lh::test::DemoTarget target;
  const std::string json_file = std::filesystem::temp_directory_path() / ("lh_bench_" + std::to_string(getpid()) + ".json");
  const auto r = run_command(bench({"-n", "300", "-c", "5", "-k", "-l", "--json", json_file, target.url("/health")}));
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());  // no progress line when stderr is not a terminal
  for (const char* line : {"Complete requests:      300\n", "Failed requests:        0\n", "Concurrency Level:      5\n",
                           "Requests per second:", "Time per request:", "Transfer rate:", "Document Path:          /health\n",
                           "Percentage of the requests served within a certain time (ms)", "(longest request)"}) {
    CHECK(r.out.find(line) != std::string::npos);
  }
  std::ifstream in(json_file);
  const auto j = nlohmann::json::parse(in);
  std::filesystem::remove(json_file);
  CHECK(j["completed"] == 300);
  CHECK(j["failed"] == 0);
  CHECK(j["non_2xx"] == 0);
  CHECK(j["requests_per_second"].get<double>() > 0);
  for (const char* p : {"p50", "p90", "p99", "max", "mean"}) CHECK(j["latency_ms"][p].get<double>() > 0);
  CHECK(j["status_codes"] == nlohmann::json{{"200", 300}});
  CHECK(j["failures"] == nlohmann::json{{"connect", 0}, {"timeout", 0}, {"reset", 0}, {"read", 0}, {"length", 0}});
}

TEST_CASE("bench sends ab's body, content type, headers, cookies and method") {
  std::mutex mutex;
  std::vector<std::string> seen;
  lh::test::LoopbackServer server([&](httplib::Server& s) {
    const auto record = [&](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex);
      seen.push_back(req.method + " " + req.body + " | " + req.get_header_value("Content-Type") + " | " +
                     req.get_header_value("X-Trace") + " | " + req.get_header_value("Cookie"));
      res.set_content("ok", "text/plain");
    };
    s.Post("/doc", record);
    s.Put("/doc", record);
    s.Patch("/doc", record);
  });
  const auto body = std::filesystem::temp_directory_path() / ("lh_bench_body_" + std::to_string(getpid()));
  std::ofstream(body) << R"({"text": "One."})";
  auto r = run_command(bench({"-n", "2", "-p", body.string(), "-T", "application/json", "-H", "X-Trace: 7", "-C",
                              "session=abc", server.url("/doc")}));
  CHECK(r.status == 0);
  r = run_command(bench({"-n", "1", "-u", body.string(), server.url("/doc")}));
  CHECK(r.status == 0);
  r = run_command(bench({"-n", "1", "-m", "PATCH", "-p", body.string(), server.url("/doc")}));
  CHECK(r.status == 0);
  std::filesystem::remove(body);
  REQUIRE(seen.size() == 4);
  CHECK(seen[0] == R"(POST {"text": "One."} | application/json | 7 | session=abc)");
  CHECK(seen[1] == seen[0]);
  CHECK(seen[2] == R"(PUT {"text": "One."} | text/plain |  | )");  // ab's default type for -p and -u
  CHECK(seen[3] == R"(PATCH {"text": "One."} | text/plain |  | )");
}

TEST_CASE("bench reports non-2xx answers by code") {
  lh::test::DemoTarget target;
  const auto r = run_command(bench({"-n", "20", "-c", "2", target.url("/no-such-endpoint")}));
  CHECK(r.status == 0);
  CHECK(r.out.find("Non-2xx responses:      20\n   404: 20\n") != std::string::npos);
}

TEST_CASE("bad input is one line naming the problem, and exit 2") {
  const std::string url = "http://127.0.0.1:9/";
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"--frobnicate", url}, "--frobnicate"},
      {{"-n", "10", "notaurl"}, "URL: expected an http:// or https:// URL such as http://127.0.0.1:8080/path, got \"notaurl\""},
      {{"-p", "/no/such/body.json", url}, "-p: no such file: \"/no/such/body.json\""},
      {{"-n", "0", url}, "-n: expected at least 1"},
      {{"-c", "0", url}, "-c: expected at least 1"},
      {{"-n", "10", "-c", "20", url}, "-c: cannot be more than the number of requests (20 > 10)"},
      {{"-t", "soon", url}, "-t: expected a duration"},
      {{"-n", "10"}, "URL"},
      // Every limit, named with its value; URLs libcurl would read otherwise.
      {{"-c", "20001", "-n", "50000", url}, "-c: the limit is 20000 connections, got 20001"},
      {{"-c", "100000", "-n", "100000", url}, "-c: the limit is 20000 connections, got 100000"},
      {{"-n", "99999999999999999999", url}, "-n: the limit is 9007199254740992 requests, got 99999999999999999999"},
      {{"--rate", "1e9", "-t", "1s", url}, "--rate: the limit is 10000000 requests per second, got 1000000000"},
      {{"-t", "400d", url}, "-t: the limit is 366 days"},
      {{"http:///ok"}, "URL: expected a host after http://, got \"http:///ok\""},
      {{"http://127.0.0.1:0/"}, "URL: expected a port from 1 to 65535"},
      // Values with line breaks: refused (request smuggling), shown escaped on the one line.
      {{"-H", "X-A: 1\r\nX-Injected: 2", url}, "-H: a header cannot hold a line break or NUL"},
      {{"-H", "X-A: 1\nHost: evil", url}, "got \"X-A: 1\\nHost: evil\""},
      {{"-m", "GET\r\n", url}, "-m: expected an HTTP method such as GET or POST, got \"GET\\r\\n\""},
      {{"-c", "1\n2", url}, "-c: expected at least 1 connection (a whole number), got \"1\\n2\""},
  };
  for (const auto& [args, expected] : cases) {
    INFO(expected);
    const auto r = run_command(bench(args));
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(expected) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("bench -c at the limit against a closed port gives up at once, in time and memory linear in -c") {
  // 20000 connections need 20128 open files: where the hard limit is lower
  // that is the one-line error instead (exit 2).
  const auto r = run_command(bench({"-n", "20000", "-c", "20000", "http://127.0.0.1:9/"}), std::chrono::milliseconds(60000));
  CHECK((r.status == 3 || r.status == 2));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  if (r.status == 2) CHECK(r.err.find("open files, over this system's limit of") != std::string::npos);
  if (r.status == 3) CHECK(r.err.find("Connection refused") != std::string::npos);
}

TEST_CASE("bench raises its soft limit of open files to what -c needs, and names the hard limit past it") {
  lh::test::RawServer server([](const std::string&) {
    return lh::test::RawServer::Reply{"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", lh::test::RawServer::End::keep_alive};
  });
  const auto under = [&](const std::string& ulimit) {
    return std::vector<std::string>{"/bin/sh", "-c", ulimit + " && exec \"$@\"", "sh", LH_CLI_BIN, "bench", "-n", "600",
                                    "-c", "300", server.url("/")};
  };
  // A soft limit of 128 (many systems start at 1024): 300 connections need 428.
  const auto soft = run_command(under("ulimit -Sn 128"));
  CHECK(soft.status == 0);
  CHECK(soft.out.find("Complete requests:      600\n") != std::string::npos);
  CHECK(soft.out.find("Failed requests:        0\n") != std::string::npos);
  const auto hard = run_command(under("ulimit -n 256"));
  CHECK(hard.status == 2);
  CHECK(hard.err == "leakhound-cli bench: 300 connections need 428 open files, over this system's limit of 256 (ulimit "
                    "-Hn; the administrator can raise it)\n");
}

TEST_CASE("bench --json that cannot be written is one line with the system's reason, exit 4, and no cut file") {
  lh::test::DemoTarget target;
  const auto folder = std::filesystem::temp_directory_path() / ("lh_bench_json_" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  const auto json_file = folder / "summary.json";
  std::ofstream(json_file) << "{\"from\": \"before\"}\n";
  // No file may grow past 512 bytes: the summary (about 1 KiB) does not fit.
  const auto r = run_command(lh::test::with_file_size_limit(
      1, bench({"-n", "20", "--json", json_file.string(), target.url("/health")})));
  CHECK(r.status == 4);
  CHECK(r.err == "leakhound-cli bench: --json: \"" + json_file.string() + "\": cannot be written (File too large)\n");
  std::ifstream in(json_file);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "{\"from\": \"before\"}\n");  // the old file, whole
  CHECK(std::distance(std::filesystem::directory_iterator(folder), {}) == 1);       // no temporary left behind
  std::filesystem::remove_all(folder);

  const auto missing = run_command(bench({"-n", "1", "--json", "/no/such/folder/s.json", target.url("/health")}));
  CHECK(missing.status == 4);
  CHECK(missing.err.find("\"/no/such/folder/s.json\": cannot be written (No such file or directory)") != std::string::npos);
}

TEST_CASE("an unreachable target is one line and exit 3") {
  const auto r = run_command(bench({"-n", "100", "-c", "10", "http://127.0.0.1:9/"}), std::chrono::milliseconds(10000));
  CHECK(r.status == 3);
  CHECK(r.err.find("cannot connect to http://127.0.0.1:9/") != std::string::npos);
  CHECK(r.err.find("Connection refused") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("bench --help says where it differs from ab") {
  const auto r = run_command(bench({"--help"}));
  CHECK(r.status == 0);
  CHECK(r.out.find("keep-alive on by default") != std::string::npos);
  for (const char* option : {"-n", "-c", "-t", "-k", "-m", "-p", "-u", "-T", "-H", "-s", "-q", "--rate", "--stage",
                             "--upload", "--http2", "--insecure", "--json"}) {
    CHECK(r.out.find(std::string(option) + " ") != std::string::npos);
  }
}
