// leakhound-cli validate and import-ab as a user meets them.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "temp_dir.h"

using lh::test::run_command;
using lh::test::TempDir;

namespace {

const std::filesystem::path kSource(LH_SOURCE_DIR);

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("validate: every sample scenario is OK, one line each, exit 0") {
  std::vector<std::string> args{LH_CLI_BIN, "validate"};
  for (const char* name : {"segmentation-service", "conversion-service", "demo-target"}) {
    args.push_back((kSource / "resources/scenarios" / (std::string(name) + ".leakhound.json")).string());
  }
  const auto r = run_command(args);
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(lines(r.out) == 3);
  CHECK(r.out.find(args[2] + ": OK: \"Segmentation service\": 3 requests, 8 connections") != std::string::npos);
  CHECK(r.out.find(": OK: \"Conversion service\": 1 request, 1 connection for 1h 00m; 2 probes") != std::string::npos);
  CHECK(r.out.find("limit 8.00 GiB") != std::string::npos);
  CHECK(r.err.empty());
}

// Each file of tests/scenario/broken/ has its problems, exactly, in
// NAME.expected (FILE stands for the file, DIR for its folder).
TEST_CASE("validate: each broken scenario gives exit 2 with every problem named") {
  const auto folder = kSource / "tests/scenario/broken";
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string file = entry.path().string();
    if (!file.ends_with(".leakhound.json")) continue;
    ++files;
    const auto expected_file = folder / (entry.path().filename().string().substr(0, entry.path().filename().string().size() - 15) + ".expected");
    const std::string expected = replaced(replaced(file_text(expected_file), "FILE: ", file + ": "), "DIR", folder.string());
    const auto r = run_command({LH_CLI_BIN, "validate", file});
    INFO(file);
    CHECK(r.status == 2);
    CHECK(r.out == expected);
    CHECK(lines(r.out) >= 1);
    CHECK(r.err.empty());
  }
  CHECK(files >= 12);
}

TEST_CASE("validate: good and bad files together exit 2: --no-env checks a file without its secrets") {
  TempDir dir;
  const auto good = (kSource / "resources/scenarios/demo-target.leakhound.json").string();
  const auto bad = (kSource / "tests/scenario/broken/never-ends.leakhound.json").string();
  auto r = run_command({LH_CLI_BIN, "validate", good, bad});
  CHECK(r.status == 2);
  CHECK(lines(r.out) == 2);
  const auto secret = dir.write("secret.leakhound.json", R"({"leakhound_scenario": 1, "target": "http://h:1",
    "probes": {"sources": ["/m"]},
    "load": {"requests": [{"path": "/", "headers": {"Authorization": "Bearer ${ENV:LH_TEST_SURELY_UNSET_TOKEN}"}}],
             "count": 1}})");
  r = run_command({LH_CLI_BIN, "validate", secret.string()});
  CHECK(r.status == 2);
  CHECK(r.out.find("LH_TEST_SURELY_UNSET_TOKEN is not set") != std::string::npos);
  r = run_command({LH_CLI_BIN, "validate", "--no-env", secret.string()});
  CHECK(r.status == 0);
  CHECK(r.out == secret.string() + ": OK: \"secret\": 1 request, 1 connection for 1 request; 1 probe every 1.0s, "
                                   "watching the memory picked from the names\n");
  r = run_command({LH_CLI_BIN, "validate", (dir.path() / "absent.leakhound.json").string()});
  CHECK(r.status == 2);
  CHECK(r.out.find("absent.leakhound.json: cannot read the file: No such file or directory") != std::string::npos);
  r = run_command({LH_CLI_BIN, "validate"});
  CHECK(r.status == 2);
  CHECK(lines(r.err) == 1);
}

TEST_CASE("import-ab: the issue's command line, with --monitor, to stdout") {
  TempDir dir;
  dir.write("body.json", R"({"text": "One. Two.", "language": "en"})");
  const auto r = run_command({"/bin/sh", "-c",
                              "cd '" + dir.path().string() + "' && exec " + LH_CLI_BIN +
                                  " import-ab 'ab -n 1000 -c 50 -k -p body.json -T application/json "
                                  "http://127.0.0.1:8001/segment' --monitor segmentation=/memory-stats --monitor port:8001"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out == R"({
  "leakhound_scenario": 1,
  "target": "http://127.0.0.1:8001",
  "probes": {
    "sources": [
      "segmentation=/memory-stats",
      "port:8001"
    ]
  },
  "load": {
    "requests": [
      {
        "method": "POST",
        "path": "/segment",
        "body_file": "body.json",
        "content_type": "application/json"
      }
    ],
    "concurrency": 50,
    "count": 1000,
    "check_length": true
  }
}
)");
  CHECK(r.err.empty());
}

TEST_CASE("import-ab: the ab command line unquoted, as the shell split it, reads as quoted") {
  // Before: "The following arguments were not expected: … -n --", in reverse.
  const auto quoted = run_command({LH_CLI_BIN, "import-ab", "ab -n 1000 -c 50 -k -H 'X-Team: core' http://h:1/segment",
                                   "--monitor", "port:1"});
  REQUIRE(quoted.status == 0);
  for (const std::vector<std::string>& words :
       {std::vector<std::string>{"--monitor", "port:1", "ab", "-n", "1000", "-c", "50", "-k", "-H", "X-Team: core",
                                 "http://h:1/segment"},
        std::vector<std::string>{"--monitor", "port:1", "--", "ab", "-n", "1000", "-c", "50", "-k", "-H",
                                 "X-Team: core", "http://h:1/segment"},
        std::vector<std::string>{"ab -n 1000", "-c", "50", "-k", "-H", "X-Team: core", "http://h:1/segment", "--monitor",
                                 "port:1"}}) {
    INFO(words.front() << " " << words[1] << " " << words[2]);
    std::vector<std::string> argv{LH_CLI_BIN, "import-ab"};
    argv.insert(argv.end(), words.begin(), words.end());
    const auto r = run_command(argv);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == quoted.out);
  }
  // A word ab does not know is still ab's error, named.
  const auto bad = run_command({LH_CLI_BIN, "import-ab", "ab", "-n", "10", "--bogus", "http://h:1/"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("is not an ab option") != std::string::npos);
  // --monitor takes one value each time, not the ab command line after it.
  const auto monitored = run_command(
      {LH_CLI_BIN, "import-ab", "--monitor", "port:1", "--monitor", "port:2", "ab -n 1000 -c 50 http://h:1/segment"});
  INFO(monitored.err);
  CHECK(monitored.status == 0);
  CHECK(monitored.out.find("\"port:2\"") != std::string::npos);
}

TEST_CASE("import-ab -o writes a scenario that validates, files relative to it, secrets as references") {
  TempDir dir;
  const auto body = dir.write("bodies/doc.json", "{}");
  const auto out = dir.path() / "scenarios/seg.leakhound.json";
  std::filesystem::create_directories(out.parent_path());
  const auto r = run_command({LH_CLI_BIN, "import-ab",
                              "ab -t 30 -c 4 -H \"Authorization: Bearer $API_TOKEN\" -p " + body.string() +
                                  " http://127.0.0.1:8001/segment",
                              "--monitor", "/memory-stats", "-o", out.string()});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "leakhound-cli import-ab: wrote " + out.string() + "\n");
  const auto j = nlohmann::json::parse(file_text(out));
  CHECK(j["load"]["requests"][0]["body_file"] == "../bodies/doc.json");
  CHECK(j["load"]["requests"][0]["headers"]["Authorization"] == "Bearer ${ENV:API_TOKEN}");
  CHECK(j["load"]["duration"] == "30s");
  CHECK(j["probes"]["sources"][0] == "/memory-stats");
  const auto v = run_command({LH_CLI_BIN, "validate", "--no-env", out.string()});
  INFO(v.out);
  CHECK(v.status == 0);
}

TEST_CASE("import-ab says what the person should know on stderr") {
  const auto r = run_command({LH_CLI_BIN, "import-ab", "ab -H 'X-Api-Key: abc123' http://h:1/"});
  CHECK(r.status == 0);
  CHECK(r.err.find("leakhound-cli import-ab: note: no --monitor given") != std::string::npos);
  CHECK(r.err.find("note: the X-Api-Key header's secret is written into the scenario") != std::string::npos);
  TempDir dir;
  const auto odd = run_command({LH_CLI_BIN, "import-ab", "ab http://h:1/", "--monitor", "port:1", "-o",
                                (dir.path() / "x.json").string()});
  CHECK(odd.status == 0);
  CHECK(odd.err.find("note: scenario files are named NAME.leakhound.json") != std::string::npos);
}

TEST_CASE("import-ab: bad command lines are one line on stderr and exit 2") {
  TempDir dir;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"curl http://h:1/"}, "expected an ab command line starting with ab, got \"curl\""},
      {{""}, "expected an ab command line such as"},
      {{"ab -g out.tsv http://h:1/"}, "the ab command: \"-g\" is not an ab option LeakHound reads (it reads -n -c"},
      {{"ab -n 10"}, "the ab command: URL is required"},
      {{"ab -c 0 http://h:1/"}, "-c: expected at least 1 connection (a whole number), got \"0\""},
      {{"ab -c 100001 -n 200000 http://h:1/"}, "-c: the limit is 20000 connections, got 100001"},
      {{"ab -H 'X: 1\r\nY: 2' http://h:1/"}, "-H: a header cannot hold a line break or NUL"},
      {{"ab http:///ok"}, "URL: expected a host after http://, got \"http:///ok\""},
      {{"ab -n 5 -c 10 http://h:1/"}, "-c: cannot be more than the number of requests (10 > 5)"},
      {{"ab -p missing.json http://h:1/"}, "-p: no such file: \"missing.json\""},
      {{"ab 'http://h:1/"}, "the command line: a ' is not closed"},
      {{"ab $(cat url)"}, "the command line: $( runs a command"},
      {{"ab http://h:1/ | tee x"}, "got '|'"},
      {{"ab http://h:1/", "--monitor", "pid:x"}, "--monitor \"pid:x\": expected pid:N"},
  };
  for (const auto& [args, message] : cases) {
    std::vector<std::string> argv{LH_CLI_BIN, "import-ab"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_command(argv);
    INFO(args.front() << "\n" << r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(lines(r.err) == 1);
    CHECK(r.err.starts_with("leakhound-cli import-ab: "));
    CHECK(r.err.find(message) != std::string::npos);
  }
}

TEST_CASE("import-ab: a scenario file that cannot be written is one line with the system's reason, exit 4") {
  TempDir dir;
  const auto file = dir.path() / "no/such/folder/x.leakhound.json";
  const auto r = run_command({LH_CLI_BIN, "import-ab", "ab http://h:1/", "-o", file.string()});
  CHECK(r.status == 4);
  CHECK(r.err == "leakhound-cli import-ab: \"" + file.string() + "\": cannot be written (No such file or directory)\n");
}

TEST_CASE("validate and run: a number out of range is one line and exit 2, never an abort") {
  const std::string file = (kSource / "tests/scenario/broken/out-of-range-number.leakhound.json").string();
  const std::string expected = file + ": load.concurrency: expected a number a double can hold (at most about 1.8e308), got 1e400\n";
  const auto validate = run_command({LH_CLI_BIN, "validate", file});
  CHECK(validate.status == 2);
  CHECK(validate.out == expected);
  TempDir dir;
  const auto run = run_command({LH_CLI_BIN, "run", file, "--out", (dir.path() / "session").string()});
  CHECK(run.status == 2);
  CHECK(run.err == "leakhound-cli run: " + expected);
}

TEST_CASE("validate: deep nesting and a million keys cost memory in proportion to the file") {
  // The issue's files: 117 KiB of nested objects took 494 MiB, 1.2 MB took
  // 11.6 GB (a path string per level). Peak RSS of the whole process, from
  // the kernel (an upper bound: it counts this test's memory at the fork).
  TempDir dir;
  const auto nested = dir.path() / "nested.leakhound.json";
  {
    std::ofstream out(nested);
    out << R"({"leakhound_scenario": 1, "load": {"requests": [{"path": "/", "body": )";
    for (int i = 0; i < 200000; ++i) out << R"({"a":)";
    out << "1" << std::string(200000, '}') << "}]}}";
  }
  const auto wide = dir.path() / "wide.leakhound.json";
  {
    std::ofstream out(wide);
    out << R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:1", "probes": {"sources": ["port:1"]},)"
        << R"("load": {"requests": [{"path": "/", "body": {)";
    for (int i = 0; i < 100000; ++i) out << (i ? ",\"k" : "\"k") << i << "\":" << i;
    out << R"(}}], "count": 5}})";
  }
  CHECK(std::filesystem::file_size(nested) > 1'200'000);
  const auto deep = run_command({LH_CLI_BIN, "validate", nested.string()});
  INFO(deep.out << deep.err);
  CHECK(deep.status == 2);
  CHECK(lines(deep.out) == 1);
  CHECK(deep.out.find("nested deeper than 64 levels") != std::string::npos);
  REQUIRE(deep.peak_rss_kib);
  CHECK(*deep.peak_rss_kib < 64 * 1024);

  const auto many = run_command({LH_CLI_BIN, "validate", wide.string()});
  INFO(many.out << many.err);
  CHECK(many.status == 0);  // a body of 100,000 keys is a body
  REQUIRE(many.peak_rss_kib);
  CHECK(*many.peak_rss_kib < 64 * 1024);
}
