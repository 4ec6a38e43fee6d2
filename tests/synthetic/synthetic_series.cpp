#include "synthetic_series.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>

namespace lh::synth {
namespace {

using Rng = std::mt19937_64;

double uniform(Rng& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
double log_uniform(Rng& rng, double lo, double hi) { return std::exp(uniform(rng, std::log(lo), std::log(hi))); }

// What every shape shares: when samples are taken, the level, the noise.
struct Frame {
  double interval = 1;
  double duration = 600;
  double level = 512;
  double noise = 0.005;  // marginal sd of the AR(1) noise, as a share of level
  double phi = 0.5;
};

Frame draw_frame(Rng& rng) {
  Frame f;
  const double pick = uniform(rng, 0, 1);
  f.interval = pick < 0.1 ? 0.5 : pick < 0.7 ? 1.0 : pick < 0.9 ? 5.0 : 15.0;
  f.duration = log_uniform(rng, 300, 4 * 3600);
  f.duration = std::max(f.duration, 120 * f.interval);  // at least ~120 samples
  f.level = log_uniform(rng, 50, 4096);
  f.noise = log_uniform(rng, 0.002, 0.02);
  f.phi = uniform(rng, 0, 0.8);
  return f;
}

// Stretches a run until a leak of `rate` (share of level per hour) grows by
// at least three noise standard deviations: a person could see it.
void long_enough_to_see(Frame& f, double rate, double share_of_run = 1.0) {
  const double needed_h = 3 * f.noise / (rate * share_of_run);
  f.duration = std::max(f.duration, needed_h * 3600);
}

struct Builder {
  LabelledSeries s;
  Rng& rng;
  Frame f;
  double noise_state = 0;

  // Samples `shape(t)` (a share of level above it) plus AR(1) noise and a few
  // upward spikes (a request holding a large buffer for a moment).
  void sample(const std::function<double(double)>& shape) {
    std::normal_distribution<double> normal(0, 1);
    const double innovation = f.noise * std::sqrt(1 - f.phi * f.phi);
    noise_state = f.noise * normal(rng);
    for (double t = 0; t <= f.duration; t += f.interval) {
      noise_state = f.phi * noise_state + innovation * normal(rng);
      double v = shape(t) + noise_state;
      if (uniform(rng, 0, 1) < 0.01) v += uniform(rng, 1, 5) * f.noise;
      s.t_s.push_back(t);
      s.values.push_back(f.level * (1 + v));
    }
    s.level = f.level;
  }
  void steady_requests(double rate) {
    for (double t = 0; t <= f.duration; t += 10) s.requests.push_back({t, rate * t});
  }
};

double warmup(double t, double size, double tau) { return size * (1 - std::exp(-t / tau)); }

// Restarts every `cycle` seconds; the service answers again `down` seconds
// later, warms up, then grows until the next restart. A leaking loop grows
// 10–100 % of its level per cycle: the restarts are there because of the
// growth, as the conversion service is restarted every 50 conversions after
// growing ~210 MB each time.
void restart_loop(Builder& b, bool leaks, bool marked = true) {
  const double cycle = log_uniform(b.rng, marked ? 60 : 30, 1200);
  const double rate = leaks ? uniform(b.rng, 0.1, 1.0) * 3600 / cycle : 0.0;
  // A supervisor that restarts at once leaves no sample missing.
  const double down = marked || uniform(b.rng, 0, 1) < 0.5 ? uniform(b.rng, 2, 15) : 0.0;
  const double warm = uniform(b.rng, 0.05, 0.3), tau = uniform(b.rng, 3, 20);
  b.f.duration = std::max(b.f.duration, 5 * cycle);
  b.f.interval = std::min(b.f.interval, cycle / 40);
  if (marked) {
    for (double r = cycle; r < b.f.duration; r += cycle) b.s.restarts_s.push_back(r);
  }
  b.sample([&](double t) {
    const double since = std::fmod(t, cycle);
    if (t >= cycle && since < down) return std::nan("");
    const double up = t >= cycle ? since - down : since;
    return warmup(up, warm, tau) + rate * up / 3600;
  });
  b.steady_requests(uniform(b.rng, 1, 20));
  char buf[160];
  std::snprintf(buf, sizeof buf, "cycle %.0fs down %.0fs growth %.1f%%/cycle", cycle, down, 100 * rate * cycle / 3600);
  b.s.describe += buf;
}

// Load in bursts: while on, buffers hold `extra` above the level; each
// request keeps `kept` of the level forever (0: no leak).
void bursty(Builder& b, double leak_rate_when_on) {
  const double period = log_uniform(b.rng, 40, 600), duty = uniform(b.rng, 0.2, 0.5);
  const double extra = uniform(b.rng, 0.05, 0.3), rate = uniform(b.rng, 5, 100);
  b.f.duration = std::max(b.f.duration, 6 * period);
  if (leak_rate_when_on > 0) long_enough_to_see(b.f, leak_rate_when_on * duty);
  auto on_time = [&](double t) {
    return std::floor(t / period) * duty * period + std::min(std::fmod(t, period), duty * period);
  };
  b.sample([&](double t) {
    const bool on = std::fmod(t, period) < duty * period;
    return (on ? extra : 0.0) + leak_rate_when_on * on_time(t) / 3600;
  });
  for (double t = 0; t <= b.f.duration; t += 5) b.s.requests.push_back({t, rate * on_time(t)});
  char buf[160];
  std::snprintf(buf, sizeof buf, "period %.0fs duty %.2f extra %.0f%%", period, duty, 100 * extra);
  b.s.describe += buf;
}

// Growth driven by requests that come unevenly and keep memory in bursts
// (a document cached now and then, an allocator arena taken at once): a
// random walk with drift. The rate wanders around its mean (the load
// varies), most steps keep nothing, some keep a lot, a few give some back.
void drift_walk(Builder& b, double rate_per_hour, double most_wander = 0.8) {
  const double burst = uniform(b.rng, 0.05, 0.6);  // share of samples that keep memory
  std::gamma_distribution<double> size(uniform(b.rng, 0.5, 3.0), 1.0);
  std::normal_distribution<double> normal(0, 1);
  double level = 0, log_rate = 0;
  const double wander = uniform(b.rng, 0.2, most_wander);  // sd of the log-rate
  const double keep = uniform(b.rng, 0.02, 0.2);   // how fast the rate forgets (per sample)
  std::vector<double> path;
  for (double t = 0; t <= b.f.duration; t += b.f.interval) {
    log_rate = (1 - keep) * log_rate + std::sqrt(keep * (2 - keep)) * wander * normal(b.rng);
    const double mean_step = rate_per_hour * b.f.interval / 3600 * std::exp(log_rate - wander * wander / 2);
    if (uniform(b.rng, 0, 1) < burst) level += mean_step / burst * size(b.rng) / size.alpha();
    if (uniform(b.rng, 0, 1) < 0.05) level -= mean_step * uniform(b.rng, 0, 3);  // some given back
    path.push_back(level);
  }
  std::size_t i = 0;
  b.sample([&](double) { return path[std::min(i++, path.size() - 1)]; });
}

}  // namespace

std::string_view to_string(Shape shape) {
  static constexpr const char* names[] = {"flat",
                                          "linear_leak",
                                          "slow_noisy_leak",
                                          "warmup_plateau",
                                          "warmup_then_leak",
                                          "gc_sawtooth",
                                          "gc_sawtooth_leak",
                                          "one_off_step",
                                          "stair_leak",
                                          "restart_loop_leak",
                                          "restart_loop_flat",
                                          "bursty",
                                          "bursty_leak",
                                          "cache_fills",
                                          "cache_then_leak",
                                          "late_leak",
                                          "drift_walk_leak",
                                          "fast_big_leak",
                                          "restart_loop_unmarked_leak",
                                          "restart_loop_unmarked_flat",
                                          "few_stairs_leak",
                                          "slow_warmup_tail"};
  return names[static_cast<int>(shape)];
}

const std::vector<Shape>& all_shapes() {
  static const std::vector<Shape> shapes = [] {
    std::vector<Shape> v;
    for (int i = 0; i <= static_cast<int>(Shape::slow_warmup_tail); ++i) v.push_back(static_cast<Shape>(i));
    return v;
  }();
  return shapes;
}

bool is_leak(Shape shape) {
  switch (shape) {
    case Shape::flat:
    case Shape::warmup_plateau:
    case Shape::gc_sawtooth:
    case Shape::one_off_step:
    case Shape::restart_loop_flat:
    case Shape::bursty:
    case Shape::cache_fills:
    case Shape::restart_loop_unmarked_flat:
    case Shape::slow_warmup_tail:
      return false;
    default:
      return true;
  }
}

LabelledSeries generate(Shape shape, std::uint64_t seed) {
  Rng rng(seed);
  Builder b{LabelledSeries{}, rng, draw_frame(rng)};
  b.s.shape = shape;
  b.s.leak = is_leak(shape);
  const double rate = log_uniform(rng, 0.05, 1.0);  // a leak's growth, share of level per hour
  char buf[200];
  switch (shape) {
    case Shape::flat: {
      const double drift = uniform(rng, -0.005, 0.005);
      b.sample([&](double t) { return drift * t / 3600; });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "drift %.2f%%/h", 100 * drift);
      break;
    }
    case Shape::linear_leak:
      long_enough_to_see(b.f, rate);
      b.sample([&](double t) { return rate * t / 3600; });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "rate %.1f%%/h", 100 * rate);
      break;
    case Shape::slow_noisy_leak: {
      const double slow = uniform(rng, 0.04, 0.10);
      b.f.noise = uniform(rng, 0.03, 0.05);
      b.f.interval = std::max(b.f.interval, 1.0);
      b.f.duration = uniform(rng, 2, 6) * 3600;
      b.sample([&](double t) { return slow * t / 3600; });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "rate %.1f%%/h", 100 * slow);
      break;
    }
    case Shape::warmup_plateau:
    case Shape::warmup_then_leak: {
      const double size = uniform(rng, 0.1, 0.6), tau = uniform(rng, 0.02, 0.12) * b.f.duration;
      const double r = shape == Shape::warmup_then_leak ? rate : 0.0;
      if (r > 0) long_enough_to_see(b.f, r, 0.6);
      b.sample([&](double t) { return warmup(t, size, tau) + r * t / 3600; });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "warm-up %.0f%% tau %.0fs rate %.1f%%/h", 100 * size, tau, 100 * r);
      break;
    }
    case Shape::gc_sawtooth:
    case Shape::gc_sawtooth_leak: {
      const double amplitude = uniform(rng, 0.1, 0.4), period = log_uniform(rng, 10, 300);
      const double r = shape == Shape::gc_sawtooth_leak ? rate : 0.0;
      b.f.duration = std::max(b.f.duration, 10 * period);
      b.f.interval = std::min(b.f.interval, period / 8);
      b.f.noise = std::min(b.f.noise, 0.005);
      if (r > 0) long_enough_to_see(b.f, r);
      // Collections come at jittered intervals; the heap ramps between them.
      std::vector<double> collections{0};
      while (collections.back() < b.f.duration)
        collections.push_back(collections.back() + period * uniform(rng, 0.7, 1.3));
      b.sample([&](double t) {
        const auto it = std::upper_bound(collections.begin(), collections.end(), t) - 1;
        const double phase = (t - *it) / (*(it + 1) - *it);
        return amplitude * phase + r * t / 3600;
      });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "amplitude %.0f%% period %.0fs rate %.1f%%/h", 100 * amplitude, period, 100 * r);
      break;
    }
    case Shape::one_off_step: {
      const double size = uniform(rng, 0.1, 1.0), at = uniform(rng, 0.2, 0.7) * b.f.duration;
      const double rise = uniform(rng, 1, 20);
      b.sample([&](double t) { return size * std::clamp((t - at) / rise, 0.0, 1.0); });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "step %.0f%% at %.0fs", 100 * size, at);
      break;
    }
    case Shape::stair_leak: {
      const double every = log_uniform(rng, 30, 600);
      b.f.duration = std::max(b.f.duration, 8 * every);
      long_enough_to_see(b.f, rate);
      b.sample([&](double t) { return rate * every / 3600 * std::floor(t / every); });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "a step every %.0fs, rate %.1f%%/h", every, 100 * rate);
      break;
    }
    case Shape::restart_loop_leak:
      buf[0] = 0;
      restart_loop(b, true);
      break;
    case Shape::restart_loop_flat:
      buf[0] = 0;
      restart_loop(b, false);
      break;
    case Shape::bursty:
      buf[0] = 0;
      bursty(b, 0.0);
      break;
    case Shape::bursty_leak:
      buf[0] = 0;
      bursty(b, rate / 0.35);
      break;
    case Shape::cache_fills:
    case Shape::cache_then_leak: {
      const double size = uniform(rng, 0.1, 1.0), fill = uniform(rng, 0.1, 0.6) * b.f.duration;
      const double r = shape == Shape::cache_then_leak ? rate : 0.0;
      if (r > 0) long_enough_to_see(b.f, r, 0.4);
      b.sample([&](double t) { return size * std::min(1.0, t / fill) + r * t / 3600; });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "cache %.0f%% full at %.0fs, rate %.1f%%/h", 100 * size, fill, 100 * r);
      break;
    }
    case Shape::late_leak: {
      const double start = uniform(rng, 0.3, 0.6);
      long_enough_to_see(b.f, rate, 1 - start);
      const double at = start * b.f.duration;
      b.sample([&](double t) { return rate * std::max(0.0, t - at) / 3600; });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "leak from %.0fs at %.1f%%/h", at, 100 * rate);
      break;
    }
    case Shape::drift_walk_leak: {
      const double r = log_uniform(rng, 0.2, 20.0);  // 20 %/h to 20x an hour
      b.f.duration = log_uniform(rng, 120, 2 * 3600);
      b.f.interval = std::min(b.f.interval, b.f.duration / 100);
      long_enough_to_see(b.f, r / 3);  // the rate wanders: allow for a slow stretch
      drift_walk(b, r);
      b.steady_requests(uniform(rng, 1, 2000));
      std::snprintf(buf, sizeof buf, "random walk, mean rate %.0f%%/h", 100 * r);
      break;
    }
    case Shape::fast_big_leak: {
      const double per_minute = uniform(rng, 0.2, 1.0);  // of the level at the start
      b.f.interval = uniform(rng, 0, 1) < 0.5 ? 0.5 : 1.0;
      b.f.duration = uniform(rng, 60, 180);
      b.f.level = log_uniform(rng, 30, 500);
      const double warm = uniform(rng, 5, 15);
      drift_walk(b, per_minute * 60, 0.4);  // a full-speed load keeps the pace
      // The process starts at 40 % of the level and warms up to it first.
      for (std::size_t i = 0; i < b.s.values.size(); ++i) {
        if (b.s.t_s[i] < warm) b.s.values[i] *= 0.4 + 0.6 * b.s.t_s[i] / warm;
      }
      b.steady_requests(uniform(rng, 200, 3000));
      std::snprintf(buf, sizeof buf, "fast leak %.0f%%/min after %.0fs of warm-up", 100 * per_minute, warm);
      break;
    }
    case Shape::restart_loop_unmarked_leak:
      buf[0] = 0;
      restart_loop(b, true, false);
      break;
    case Shape::restart_loop_unmarked_flat:
      buf[0] = 0;
      restart_loop(b, false, false);
      break;
    case Shape::few_stairs_leak: {
      const int steps = static_cast<int>(uniform(rng, 3, 7));
      const double every = log_uniform(rng, 60, 600), height = uniform(rng, 0.03, 0.3);
      b.f.duration = every * (steps + uniform(rng, 0.5, 1.5));
      b.f.interval = std::min(b.f.interval, every / 20);
      b.f.noise = std::min(b.f.noise, height / 6);
      std::vector<double> at, size;
      for (int k = 1; k <= steps; ++k) {
        at.push_back(every * (k + uniform(rng, -0.3, 0.3)));
        size.push_back(height * uniform(rng, 0.5, 1.5));
      }
      b.sample([&](double t) {
        double v = 0;
        for (std::size_t k = 0; k < at.size(); ++k) v += t >= at[k] ? size[k] : 0.0;
        return v;
      });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "%d steps of ~%.0f%% every %.0fs", steps, 100 * height, every);
      break;
    }
    case Shape::slow_warmup_tail: {
      const double size = uniform(rng, 0.2, 2.0), tau = uniform(rng, 60, 600);
      b.f.duration = tau * uniform(rng, 4, 8);
      b.f.interval = std::min(b.f.interval, tau / 30);
      b.sample([&](double t) { return warmup(t, size, tau); });
      b.steady_requests(uniform(rng, 1, 100));
      std::snprintf(buf, sizeof buf, "warm-up %.0f%% tau %.0fs", 100 * size, tau);
      break;
    }
  }
  b.s.describe = std::string(buf) + b.s.describe;
  std::snprintf(buf, sizeof buf, "; %.0fs every %.1fs, level %.0f MiB, noise %.2f%% phi %.2f", b.f.duration,
                b.f.interval, b.f.level, 100 * b.f.noise, b.f.phi);
  b.s.describe += buf;
  return b.s;
}

std::vector<LabelledSeries> generate_set(std::uint64_t seed, int per_shape) {
  std::vector<LabelledSeries> set;
  Rng seeds(seed);
  for (int i = 0; i < per_shape; ++i) {
    for (Shape shape : all_shapes()) {
      set.push_back(generate(shape, seeds()));
      set.back().name = std::string(to_string(shape)) + "#" + std::to_string(i);
    }
  }
  return set;
}

LabelledSeries linear_leak(double percent_per_hour, double minutes, double noise_percent, std::uint64_t seed) {
  Rng rng(seed);
  Frame f;
  f.interval = 1;
  f.duration = minutes * 60;
  f.level = 1024;
  f.noise = noise_percent / 100;
  f.phi = 0.5;
  Builder b{LabelledSeries{}, rng, f};
  b.s.shape = Shape::linear_leak;
  b.s.leak = percent_per_hour > 0;
  b.s.name = "linear_leak";
  b.sample([&](double t) { return percent_per_hour / 100 * t / 3600; });
  b.steady_requests(10);
  return b.s;
}

}  // namespace lh::synth
