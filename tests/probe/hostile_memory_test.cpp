// The property of issue 15: a probe answer of any shape up to the body cap
// costs `leakhound-cli monitor` no more than a fixed amount of memory, and
// says which limit it reached. Each worst-case body (hostile_bodies.h) is
// served by an in-test server; the monitor's peak resident memory is its
// own VmHWM, read after a few answers.
#include <signal.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "child_process.h"
#include "hostile_bodies.h"
#include "loopback_server.h"

using lh::test::milliseconds;
using Catch::Matchers::Contains;

namespace {

constexpr long kBudgetKib = 64 * 1024;

long vm_hwm_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace

TEST_CASE("a probe answer of any shape up to the body cap costs monitor at most 64 MiB") {
  for (const lh::test::HostileBody& shape : lh::test::hostile_bodies()) {
    INFO(shape.name);
    REQUIRE(shape.body.size() <= lh::test::kBodyCap);
    lh::test::LoopbackServer server([&](httplib::Server& s) {
      s.Get("/metrics", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(shape.body, shape.content_type);
      });
    });
    lh::test::ChildProcess monitor(
        {LH_CLI_BIN, "monitor", server.url("/metrics"), "--interval", "200ms", "--duration", "60s", "--timeout", "5s"});
    std::string said;
    int ticks = 0;
    while (ticks < 4) {
      const auto line = monitor.read_line(milliseconds(30000));
      REQUIRE(line);
      said += *line + "\n";
      if (line->starts_with("00:")) ++ticks;
    }
    const long peak = vm_hwm_kib(monitor.pid());
    monitor.signal(SIGINT);
    // Ends after the tick in flight, whose answer may take seconds to parse
    // on a machine busy with other tests (10 s was once too little beside
    // a full ctest -j2); this test is about memory, not shutdown speed.
    CHECK(monitor.wait_for(milliseconds(30000)));
    INFO(said.substr(0, 2000));
    CHECK(peak > 0);
    CHECK(peak < kBudgetKib);
    CHECK_THAT(said, Contains(shape.outcome));
    // Every tick is a line of at most a few hundred bytes: no name of
    // megabytes is ever printed.
    for (std::size_t start = 0, end; (end = said.find('\n', start)) != std::string::npos; start = end + 1) {
      CHECK(end - start < 1000);
    }
    if (!shape.memory.empty()) CHECK_THAT(said, Contains(shape.memory + " 95.4 MiB") || Contains(shape.memory + " 5.0 MiB"));
  }
}
