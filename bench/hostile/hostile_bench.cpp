// The "Hostile input" table of docs/BENCHMARKS.md: each worst-case probe
// answer (tests/support/hostile_bodies.h) served on loopback to
// `leakhound-cli monitor`, and hostile scenario files to `validate`; per
// case the limit that applies, the peak resident memory of the process and
// what it said. Monitor's peak is its own VmHWM after four answers;
// validate's is the kernel's ru_maxrss once it exited (this program is
// small when it forks, so that is validate's own).
//
//   leakhound-bench-hostile [CLI]     (bench/hostile/parsers.sh builds and runs it)
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "child_process.h"
#include "hostile_bodies.h"
#include "loopback_server.h"

namespace {

using lh::test::milliseconds;

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

long vm_hwm_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  }
  return -1;
}

std::string cell(std::string text) {
  for (char& c : text) {
    if (c == '|') c = '/';
  }
  return text.size() > 160 ? text.substr(0, 157) + "..." : text;
}

// The event a monitor line carries ("  ! partial: …"), or the memory it shows.
std::string outcome_of(const std::string& said, const std::string& memory) {
  const auto bang = said.find("! ");
  std::string out = bang == std::string::npos ? std::string() : said.substr(bang + 2, said.find('\n', bang) - bang - 2);
  if (!memory.empty()) {
    const auto at = said.rfind(memory + " ");
    if (at != std::string::npos) {
      const auto end = std::min(said.find("  ", at + memory.size() + 1), said.find('\n', at));
      out += (out.empty() ? "" : "; ") + std::string("kept ") + said.substr(at, end - at);
    }
  }
  return out;
}

struct Row {
  std::string name, limit, outcome;
  long peak_kib = 0;
};

// `answer(n)` is the body of the n-th answer; `ticks` answers are read.
Row monitor_case(const std::string& cli, const lh::test::HostileBody& shape,
                 const std::function<std::string(int)>& answer = {}, int ticks_wanted = 4) {
  std::atomic<int> answers = 0;
  lh::test::LoopbackServer server([&](httplib::Server& s) {
    s.Get("/metrics", [&](const httplib::Request&, httplib::Response& res) {
      res.set_content(answer ? answer(answers++) : shape.body, shape.content_type);
    });
  });
  lh::test::ChildProcess monitor({cli, "monitor", server.url("/metrics"), "--interval", "200ms", "--duration", "60s", "--timeout", "5s"});
  std::string said;
  for (int ticks = 0; ticks < ticks_wanted;) {
    const auto line = monitor.read_line(milliseconds(30000));
    if (!line) break;
    if (line->starts_with("00:")) {
      said += *line + "\n";
      ++ticks;
    }
  }
  Row row{shape.name, shape.limit, outcome_of(said, shape.memory), vm_hwm_kib(monitor.pid())};
  monitor.signal(SIGINT);
  monitor.wait_for(milliseconds(10000));
  return row;
}

// Runs `validate FILE` and returns its first line and peak (ru_maxrss).
Row validate_case(const std::string& cli, const std::string& name, const std::string& limit, const std::filesystem::path& file) {
  lh::sys::ChildProcess validate({cli, "validate", file.string()}, {.err = lh::sys::ChildStream::discard});
  std::string first = validate.read_line(milliseconds(60000)).value_or("");
  validate.close_output();
  const auto status = validate.wait_for(milliseconds(60000));
  if (!status) return {name, limit, "still running after 60 s", 0};
  if (const auto colon = first.find(".json: "); colon != std::string::npos) first = first.substr(colon + 7);
  if (first.size() > 140) first = first.substr(0, 40) + "..." + first.substr(first.size() - 90);
  return {name, limit, "exit " + std::to_string(*status) + ": " + first, validate.peak_rss_kib().value_or(0)};
}

void print(const Row& r) {
  std::printf("| %s | %s | %.1f MiB | %s |\n", cell(r.name).c_str(), r.limit.c_str(), mib(r.peak_kib), cell(r.outcome).c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cli = argc > 1 ? argv[1] : LH_CLI_BIN;
  const auto dir = std::filesystem::temp_directory_path() / ("lh-hostile-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);

  std::printf("| case | limit | peak memory | outcome |\n| --- | --- | --- | --- |\n");
  // Scenario files first, while this program is small (see above); they
  // are written as a stream, never held whole.
  const std::string head = R"({"leakhound_scenario": 1, "target": "http://127.0.0.1:1", "probes": {"sources": ["port:1"]}, )";
  auto nested = [&](const std::string& file, std::size_t levels) {
    std::ofstream out(dir / file);
    out << R"({"leakhound_scenario": 1, "load": {"requests": [{"path": "/", "body": )";
    for (std::size_t i = 0; i < levels; ++i) out << R"({"a":)";
    out << "1";
    for (std::size_t i = 0; i < levels; ++i) out << '}';
    out << "}]}}";
    return dir / file;
  };
  auto wide = [&](const std::string& file, int keys) {
    std::ofstream out(dir / file);
    out << head << R"("load": {"requests": [{"path": "/", "body": {)";
    for (int i = 0; i < keys; ++i) out << (i ? ",\"k" : "\"k") << i << "\":" << i;
    out << R"(}}], "count": 5}})";
    return dir / file;
  };
  auto small_file = [&](const std::string& file, const std::string& text) {
    std::ofstream(dir / file) << text;
    return dir / file;
  };
  print(validate_case(cli, "Scenario: a valid sample (baseline)", "-",
                      std::filesystem::path(LH_SOURCE_DIR) / "resources/scenarios/demo-target.leakhound.json"));
  print(validate_case(cli, "Scenario: 117 KiB of nested objects (the issue's: 494 MiB)", "kMaxNesting (64)", nested("a.json", 20000)));
  print(validate_case(cli, "Scenario: 1.2 MB of nested objects (the issue's: 11.6 GB)", "kMaxNesting (64)", nested("b.json", 200000)));
  print(validate_case(cli, "Scenario: 15 MiB of nested objects", "kMaxNesting (64)", nested("c.json", 2600000)));
  print(validate_case(cli, "Scenario: a request body of 800,000 keys (15 MiB)", "16 MiB a file", wide("d.json", 800000)));
  print(validate_case(cli, "Scenario: \"concurrency\": 1e400", "a double's range",
                      small_file("e.json", head + R"("load": {"requests": [{"path": "/"}], "concurrency": 1e400, "count": 5}})")));
  print(validate_case(cli, "Scenario: a 1,000-digit count", "a double's range",
                      small_file("f.json", head + R"("load": {"requests": [{"path": "/"}], "count": )" + std::string(1000, '9') + "}}")));
  std::filesystem::remove_all(dir);

  lh::test::HostileBody small{"Probe: a 14-byte JSON answer (baseline)", "application/json", R"({"rss_mb": 5})", "", "rss_mb", "-"};
  print(monitor_case(cli, small));
  for (const auto& shape : lh::test::hostile_bodies()) print(monitor_case(cli, shape));
  // A sequence of answers: 1,000 names never seen before in each, until
  // the store holds its most series.
  lh::test::HostileBody churn{"JSON: 1,000 new names in every answer, 8 answers", "application/json", "", "", "rss_mb",
                              "max_series (4096)"};
  print(monitor_case(cli, churn, [](int n) {
    std::string body = "{\"rss_mb\": 5";
    for (int i = 0; i < 1000; ++i) body += ",\"n" + std::to_string(n) + "_" + std::to_string(i) + "\": 1";
    return body + "}";
  }, 8));
  return 0;
}
