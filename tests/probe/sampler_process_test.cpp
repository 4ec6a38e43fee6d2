// pid: and port: sources on a child process of the test whose memory and
// CPU move on command, and a port that changes hands.
#include <signal.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "child_process.h"
#include "probe/process_source.h"
#include "probe/sampler.h"
#include "probe/source_spec.h"
#include "probe_helpers.h"
#include "sys/proc_stat.h"

using namespace lh::probe;
using lh::EventKind;
using lh::test::ChildProcess;
using lh::test::milliseconds;
using lh::test::values_of;
using lh::test::wait_rows;

namespace {

struct BusyChild {
  explicit BusyChild(int on_port = 0) : process({LH_BUSY_CHILD_BIN, std::to_string(on_port)}) {
    const auto line = process.read_line(milliseconds(10000));
    REQUIRE(line);
    REQUIRE(line->starts_with("listening "));
    port = std::stoi(line->substr(10));
  }
  void command(int sig, const char* answer) {
    process.signal(sig);
    REQUIRE(process.read_line(milliseconds(20000)) == answer);
  }
  ChildProcess process;
  int port = 0;
};

double max_finite(const std::vector<double>& v, std::size_t from, std::size_t to) {
  double best = -1;
  for (std::size_t i = from; i < std::min(to, v.size()); ++i) {
    if (std::isfinite(v[i])) best = std::max(best, v[i]);
  }
  return best;
}

}  // namespace

TEST_CASE("a process by pid and by port: its memory and CPU move as it allocates and spins") {
  BusyChild child;
  ProbeConfig config;
  config.sources = {parse_source_spec("pid:" + std::to_string(child.process.pid())),
                    parse_source_spec("port:" + std::to_string(child.port))};
  config.interval = lh::Seconds(0.1);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  const auto cpu_before = lh::sys::read_proc_stat(child.process.pid());
  REQUIRE(cpu_before);
  sampler.start();
  REQUIRE(wait_rows(store, sampler.group(), 4));
  const std::size_t idle_rows = store.row_count(sampler.group());
  child.command(SIGUSR1, "allocated");  // 64 MiB, touched
  REQUIRE(wait_rows(store, sampler.group(), 2));
  const std::size_t spin_from = store.row_count(sampler.group());
  child.command(SIGUSR2, "spun");  // one core for a second
  REQUIRE(wait_rows(store, sampler.group(), 2));
  sampler.stop();
  const auto rows = store.read_rows(sampler.group(), 0);

  for (const std::string& source : {"pid:" + std::to_string(child.process.pid()), "port:" + std::to_string(child.port)}) {
    INFO(source);
    const auto rss = values_of(store, source + "/rss_mb");
    CHECK(std::isfinite(rss.front()));
    CHECK(rss.back() - rss.front() > 60);
    // PSS is read once a second at most: gaps between.
    const auto pss = values_of(store, source + "/pss_mb");
    CHECK(std::count_if(pss.begin(), pss.end(), [](double v) { return std::isfinite(v); }) >= 2);
    CHECK(max_finite(pss, 0, pss.size()) > 60);
    CHECK(values_of(store, source + "/threads").back() == 1);
    CHECK(values_of(store, source + "/open_fds").back() >= 3);  // stdio pipes and the socket

    const auto cpu = values_of(store, source + "/cpu_percent");
    CHECK(std::isnan(cpu.front()));  // a rate needs two readings
    // Idle in sigwait: nothing. Spinning: as much of a core as the machine
    // gives it (the other builds on it may take most of both cores).
    CHECK(max_finite(cpu, 1, idle_rows) < 5);
    CHECK(max_finite(cpu, spin_from, cpu.size()) > 10);
    // CPU % times the time between rows adds up to the CPU time the child
    // used, as the kernel counts it.
    double cpu_seconds = 0;
    for (std::size_t k = 1; k < cpu.size(); ++k) cpu_seconds += cpu[k] / 100 * (rows.t[k] - rows.t[k - 1]);
    const auto cpu_after = lh::sys::read_proc_stat(child.process.pid());
    REQUIRE(cpu_after);
    const double used = static_cast<double>(cpu_after->cpu_ticks() - cpu_before->cpu_ticks()) / lh::sys::clock_ticks_per_second();
    CHECK(cpu_seconds == Approx(used).margin(0.05));
    CHECK(cpu_seconds > 0.1);

    const auto host = values_of(store, source + "/host_cpu_percent");
    CHECK(max_finite(host, 1, host.size()) > 0);
    CHECK(max_finite(host, 1, host.size()) <= 100);
  }
  CHECK(store.series(*store.watched_memory()).metric == "rss_mb");
  CHECK(store.read_events(0).events.empty());
}

TEST_CASE("a port is followed to the next process that listens on it, as a restart") {
  auto first = std::make_unique<BusyChild>();
  const int port = first->port;
  const pid_t first_pid = first->process.pid();
  ProbeConfig config;
  config.sources = {parse_source_spec("port:" + std::to_string(port))};
  config.interval = lh::Seconds(0.1);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  sampler.start();
  REQUIRE(wait_rows(store, sampler.group(), 3));
  first->process.signal(SIGTERM);
  REQUIRE(first->process.wait_for(milliseconds(5000)) == 0);
  REQUIRE(wait_rows(store, sampler.group(), 3));
  BusyChild second(port);
  REQUIRE(wait_rows(store, sampler.group(), 3));
  sampler.stop();

  const auto events = store.read_events(0).events;
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == EventKind::unreachable);
  CHECK(events[0].detail == "nothing listens on port " + std::to_string(port));
  CHECK(events[1].kind == EventKind::recovered);
  CHECK(events[2].kind == EventKind::restart);
  CHECK(events[2].detail == "pid " + std::to_string(first_pid) + " -> " + std::to_string(second.process.pid()));
  const auto rss = values_of(store, "rss_mb");
  CHECK(std::isfinite(rss.front()));
  CHECK(std::isfinite(rss.back()));
}

TEST_CASE("a pid that exits leaves gaps and one event, and the other sources go on") {
  auto child = std::make_unique<BusyChild>();
  const pid_t pid = child->process.pid();
  ProbeConfig config;
  config.sources = {parse_source_spec("pid:" + std::to_string(pid)), parse_source_spec("pid:" + std::to_string(getpid()))};
  config.interval = lh::Seconds(0.1);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  sampler.start();
  REQUIRE(wait_rows(store, sampler.group(), 2));
  child->process.signal(SIGTERM);
  REQUIRE(child->process.wait_for(milliseconds(5000)) == 0);
  child.reset();
  REQUIRE(wait_rows(store, sampler.group(), 3));
  sampler.stop();

  const auto gone = lh::test::events_of(store, "pid:" + std::to_string(pid), EventKind::unreachable);
  REQUIRE(gone.size() == 1);
  CHECK(gone[0].detail == "process " + std::to_string(pid) + " is gone");
  CHECK(std::isnan(values_of(store, "pid:" + std::to_string(pid) + "/rss_mb").back()));
  const auto self = values_of(store, "pid:" + std::to_string(getpid()) + "/rss_mb");
  CHECK(std::count_if(self.begin(), self.end(), [](double v) { return std::isnan(v); }) == 0);
}

TEST_CASE("PSS is read at every sample of a 1 s interval, whatever the tick's jitter, and at most about once a second") {
  // 33 of 90 samples had no PSS at a 1 s interval: ticks 0.999 s apart.
  ProcessSource source(parse_source_spec("pid:" + std::to_string(getpid())));
  auto pss_at = [&](double t_s) {
    const SourceSample s = source.sample({}, t_s);
    REQUIRE_FALSE(s.fault);
    for (const auto& m : s.metrics)
      if (m.name == "pss_mb") return std::isfinite(m.value);
    return false;
  };
  for (const double t : {0.0, 0.999, 1.998, 3.004, 3.997}) {
    INFO(t);
    CHECK(pss_at(t));
  }
  // At a 250 ms interval, once a second: gaps between.
  CHECK_FALSE(pss_at(4.247));
  CHECK_FALSE(pss_at(4.497));
  CHECK_FALSE(pss_at(4.747));
  CHECK(pss_at(4.997));
}
