// leakhound-bench-probe: how steady the sampler's ticks are and what it
// costs. Starts the demo target, then
//  1. jitter: 60 samples at 1 s of one source; how far each tick lands from
//     its whole second on the session clock;
//  2. cost: 30 s at 10 Hz on 5 sources (the demo target's /memory-stats,
//     /health and /metrics, its pid and its port); the CPU time this
//     process (only the sampler works in it) and the demo target spend.
// Usage: leakhound-bench-probe [JITTER_SAMPLES [COST_SECONDS]]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "demo_target_process.h"
#include "probe/sampler.h"
#include "sys/proc_stat.h"
#include "sys/proc_status.h"

namespace {

using namespace lh::probe;

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[i];
}

double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five;
  in >> one >> five;
  return one + " (1 min), " + five + " (5 min)";
}

void print_lateness(const char* what, const std::vector<double>& late_ms) {
  std::printf("%s, over %zu samples (ms after its whole second): median %.2f, p95 %.2f, max %.2f\n", what,
              late_ms.size(), percentile(late_ms, 0.5), percentile(late_ms, 0.95), percentile(late_ms, 1.0));
}

// The same grid kept, at the same time, by a thread that does nothing else
// (offset by half a second so the two do not compete for a core): what the
// machine itself allowed, to read the sampler's figure against.
std::thread bare_thread(const lh::SessionClock& clock, int samples, std::vector<double>& late_ms) {
  return std::thread([&clock, samples, &late_ms] {
    for (int k = 1; k <= samples; ++k) {
      std::this_thread::sleep_until(clock.mono_at(k + 0.5));
      late_ms.push_back((clock.now() - k - 0.5) * 1000.0);
    }
  });
}

void jitter(const lh::app::DemoTargetProcess& target, int samples) {
  ProbeConfig config;
  config.sources.push_back(parse_source_spec("segmentation=" + target.url()));
  config.interval = lh::Seconds(1);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  // One more than measured: the first tick is at start(), off the grid.
  sampler.start(static_cast<std::uint64_t>(samples) + 1);
  std::vector<double> bare_late_ms;
  std::thread bare = bare_thread(clock, samples, bare_late_ms);
  while (!sampler.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  sampler.stop();
  bare.join();
  const auto rows = store.read_rows(sampler.group(), 0);
  std::vector<double> late_ms;
  for (std::size_t k = 1; k < rows.t.size(); ++k) late_ms.push_back((rows.t[k] - static_cast<double>(k)) * 1000.0);
  print_lateness("sampler ticks at 1 s", late_ms);
  print_lateness("a bare thread on the same grid meanwhile", bare_late_ms);
}

void cost(const lh::app::DemoTargetProcess& target, int seconds) {
  ProbeConfig config;
  for (const std::string& s : {"segmentation=" + target.url(), "conversion=" + target.url(), target.url() + "/metrics",
                               "pid:" + std::to_string(target.pid()), "port:" + std::to_string(target.port())}) {
    config.sources.push_back(parse_source_spec(s));
  }
  config.interval = lh::Seconds(0.1);
  lh::SessionClock clock;
  SeriesStore store;
  Sampler sampler(config, clock, store);
  const auto ticks = static_cast<std::uint64_t>(seconds) * 10;
  const double own_before = own_cpu_seconds();
  const auto target_before = lh::sys::read_proc_stat(target.pid());
  const auto wall_before = lh::MonoClock::now();
  sampler.start(ticks);
  while (!sampler.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const double wall = std::chrono::duration<double>(lh::MonoClock::now() - wall_before).count();
  const double own = own_cpu_seconds() - own_before;
  const auto target_after = lh::sys::read_proc_stat(target.pid());
  sampler.stop();
  const double target_cpu = static_cast<double>(target_after->cpu_ticks() - target_before->cpu_ticks()) /
                            lh::sys::clock_ticks_per_second();
  std::printf("cost at 10 Hz on 5 sources over %.1f s (%llu ticks, %zu series, %llu events): sampler %.2f%% of a core "
              "(%.0f us per tick), demo target answering %.2f%% of a core; sampler RSS %.1f MiB\n",
              wall, static_cast<unsigned long long>(store.row_count(sampler.group())), store.series_count(),
              static_cast<unsigned long long>(store.event_count()), 100.0 * own / wall,
              1e6 * own / static_cast<double>(ticks), 100.0 * target_cpu / wall,
              static_cast<double>(lh::sys::read_own_status().rss_kib) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  const int samples = argc > 1 ? std::atoi(argv[1]) : 60;
  const int seconds = argc > 2 ? std::atoi(argv[2]) : 30;
  const lh::app::DemoTargetProcess target({}, LH_DEMO_TARGET_BIN);
  std::printf("machine: %u cores, load average %s\n", std::thread::hardware_concurrency(), load_average().c_str());
  jitter(target, samples);
  cost(target, seconds);
  std::printf("load average after: %s\n", load_average().c_str());
  return 0;
}
