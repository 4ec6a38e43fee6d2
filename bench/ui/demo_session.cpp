#include "demo_session.h"

#include <cmath>
#include <limits>
#include <random>

namespace lh::bench {

using namespace ui::charts;
using namespace Qt::StringLiterals;

DemoSession make_demo_session(std::size_t samples, double duration_s, unsigned seed) {
  DemoSession s;
  s.duration_s = duration_s;
  auto memory = std::make_shared<SeriesColumns>();
  auto heap = std::make_shared<SeriesColumns>();
  auto cpu = std::make_shared<SeriesColumns>();
  for (auto* c : {memory.get(), heap.get(), cpu.get()}) {
    c->t_s.reserve(samples);
    c->values.reserve(samples);
  }
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0, 1);
  std::uniform_real_distribution<double> coin(0, 1);
  const double dt = duration_s / static_cast<double>(samples);
  const double restart_every_s = duration_s / 3.2;
  const double outage_s = duration_s / 400;
  const double nan = std::numeric_limits<double>::quiet_NaN();

  double last_restart = 0;
  int restarts = 0;
  for (std::size_t i = 0; i < samples; ++i) {
    const double t = static_cast<double>(i) * dt;
    if (t - last_restart >= restart_every_s) {
      last_restart = t;
      ++restarts;
      s.markers.push_back({t, u"restart"_s, MarkerKind::restart});
    }
    const double up = t - last_restart;
    const bool unreachable = restarts > 0 && up < outage_s;
    const double warm_up = 180 * (1 - std::exp(-up / (duration_s / 60)));
    const double leak = 0.35 * up / duration_s * 1000;
    const double sawtooth = 40 * std::fmod(up / (duration_s / 90), 1.0);
    const double rss = 220 + warm_up + leak + sawtooth + 2 * noise(rng);
    memory->t_s.push_back(t);
    memory->values.push_back(unreachable ? nan : rss);
    heap->t_s.push_back(t);
    heap->values.push_back(unreachable ? nan : 0.55 * (rss - 150) + noise(rng));
    cpu->t_s.push_back(t);
    const double spike = coin(rng) < 0.0005 ? 45 : 0;
    cpu->values.push_back(unreachable ? nan : std::clamp(30 + 3 * noise(rng) + 4 * std::sin(t / (duration_s / 50)) + spike, 0.0, 100.0));
  }
  for (double share : {0.0, 0.25, 0.6}) {
    const int stage = share == 0.0 ? 1 : share == 0.25 ? 2 : 3;
    s.markers.push_back({share * duration_s, u"stage %1"_s.arg(stage), MarkerKind::stage});
  }
  s.memory_mib = memory;
  s.heap_mib = heap;
  s.cpu_percent = cpu;
  return s;
}

ChartContent headline_chart(const DemoSession& session) {
  ChartContent c;
  c.left_axis = AxisSpec{u"Memory (MiB)"_s, true};
  c.right_axis = AxisSpec{u"CPU (%)"_s, true};
  c.series.push_back({SeriesSpec{u"resident memory"_s, ValueAxis::left, -1}, shared_series(session.memory_mib), true});
  c.series.push_back({SeriesSpec{u"CPU"_s, ValueAxis::right, -1}, shared_series(session.cpu_percent), true});
  c.series.push_back({SeriesSpec{u"heap"_s, ValueAxis::left, -1}, shared_series(session.heap_mib), true});
  c.markers = session.markers;
  c.reference_lines.push_back({1024, u"limit 1 GiB"_s, ValueAxis::left, true});
  return c;
}

}  // namespace lh::bench
