// leakhound-bench-engine-timing: how closely the load engine keeps its
// schedule on this machine — what the tests check only as counts and
// order (tests/load/engine_schedule_test.cpp). Each figure is the median
// of ROUNDS runs (default 5) against the demo target or a cpp-httplib
// server on loopback:
//   rate       --rate 200 for 5 s, 1 and 2 threads: requests sent per
//              second of running time, as a ratio to 200;
//   delay      a server that answers after 20 ms, 100 requests over 4
//              connections, fast path and libcurl: p50 − 20 ms;
//   stall      --rate 100 for 4 s over 2 connections, the server stalled
//              for 1 s: p50, p90, p99 (from when each request was due);
//   stop       a closed run of 8 connections: stop() to its end, and the
//              destructor of a running engine, in ms;
//   stages     1 connection for 1 s, then a ramp to 8: requests in the
//              second second over the first.
// Usage: leakhound-bench-engine-timing [ROUNDS]   (docs/BENCHMARKS.md)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "demo_target.h"
#include "load/load_engine.h"
#include "load_plans.h"
#include "loopback_server.h"

namespace {

using namespace std::chrono_literals;
using lh::load::LoadEngine;
using lh::load::LoadPlan;
using lh::load::LoadSnapshot;
using lh::test::plan_for;
using lh::test::rate_plan;
using lh::test::segment_plan;
using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

LoadSnapshot run(const LoadPlan& plan) {
  lh::SessionClock clock;
  LoadEngine engine(plan, clock);
  engine.start();
  while (!engine.wait_for(1s)) {
  }
  return engine.snapshot();
}

void wait_until_started(LoadEngine& engine) {
  while (engine.snapshot().totals.completed < 100) std::this_thread::sleep_for(1ms);
}

// Runs `measure` `rounds` times and prints the median of each figure it gives.
void report(const char* name, int rounds, const std::vector<std::string>& figures,
            const std::function<std::vector<double>()>& measure) {
  std::vector<std::vector<double>> values(figures.size());
  for (int r = 0; r < rounds; ++r) {
    const std::vector<double> got = measure();
    for (std::size_t i = 0; i < figures.size(); ++i) values[i].push_back(got[i]);
  }
  std::printf("%-8s", name);
  for (std::size_t i = 0; i < figures.size(); ++i) std::printf("  %s %.3f", figures[i].c_str(), median(values[i]));
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  lh::test::DemoTarget target;
  lh::test::DemoTarget slow({"--latency-ms", "20"});

  for (const int threads : {1, 2}) {
    report(threads == 1 ? "rate" : "rate x2", rounds, {"sent/s÷200"}, [&] {
      auto plan = rate_plan(target.url("/health"), 200, 5, 20);
      plan.threads = threads;
      const auto s = run(plan);
      return std::vector<double>{static_cast<double>(s.totals.started) / s.elapsed_s / 200};
    });
  }

  for (const bool fast : {true, false}) {
    report(fast ? "delay" : "delay/c", rounds, {"p50-20ms", "max-20ms"}, [&] {
      auto plan = segment_plan(slow.url(), 100, 4);
      plan.fast_http1 = fast;
      const auto s = run(plan);
      return std::vector<double>{s.latency.p50_ms - 20, s.latency.max_ms - 20};
    });
  }

  report("stall", rounds, {"p50_ms", "p90_ms", "p99_ms"}, [&] {
    std::mutex lock;
    std::atomic<int> answered{0};
    std::atomic<bool> stalled{false};
    lh::test::LoopbackServer server([&](httplib::Server& s) {
      s.Get("/", [&](const auto&, auto& res) {
        std::lock_guard held(lock);
        if (++answered > 100 && !stalled.exchange(true)) std::this_thread::sleep_for(1s);
        res.set_content("{}", "application/json");
      });
    });
    const auto s = run(rate_plan(server.url("/"), 100, 4, 2));
    return std::vector<double>{s.latency.p50_ms, s.latency.p90_ms, s.latency.p99_ms};
  });

  report("stop", rounds, {"stop_ms", "destroy_ms"}, [&] {
    auto plan = plan_for(target.url("/health"), std::nullopt, 8);
    plan.duration = lh::Seconds(60);
    lh::SessionClock clock;
    double stop_ms = 0;
    {
      LoadEngine engine(plan, clock);
      engine.start();
      wait_until_started(engine);
      const auto before = Clock::now();
      engine.stop();
      engine.wait_for(60s);
      stop_ms = ms_since(before);
    }
    auto engine = std::make_unique<LoadEngine>(plan, clock);
    engine->start();
    wait_until_started(*engine);
    const auto before = Clock::now();
    engine.reset();
    return std::vector<double>{stop_ms, ms_since(before)};
  });

  report("stages", rounds, {"second÷first"}, [&] {
    auto plan = segment_plan(slow.url(), std::nullopt, 1, "One.");
    plan.stages = {lh::load::Stage{lh::Seconds(1), 1}, lh::load::Stage{lh::Seconds(1), 8}};
    const auto s = run(plan);
    return std::vector<double>{s.rows.size() < 2 ? 0.0
                                                 : static_cast<double>(s.rows[1].requests) /
                                                       static_cast<double>(std::max<std::uint64_t>(1, s.rows[0].requests))};
  });
  return 0;
}
