#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace lh::synth {

// Labelled synthetic memory series for the leak analysis: the shapes the
// issue lists, with random sizes, rates, sampling intervals and
// autocorrelated noise. The tests use one seed, the benchmark another.
enum class Shape {
  flat,  // noise, at most a slow drift (<= 0.5 %/h)
  linear_leak,
  slow_noisy_leak,  // 4–10 %/h under 3–5 % noise, over hours
  warmup_plateau,   // rises, then levels off
  warmup_then_leak,
  gc_sawtooth,        // ramps and collections around a flat floor
  gc_sawtooth_leak,   // ... around a rising floor
  one_off_step,       // a model loaded once
  stair_leak,         // a batch of memory kept every few minutes
  restart_loop_leak,  // restarted every N conversions, grows between restarts
  restart_loop_flat,
  bursty,           // load in bursts, buffers freed after each
  bursty_leak,      // ... each request keeps some memory
  cache_fills,      // a bounded cache fills and holds
  cache_then_leak,  // ... and memory grows on after it is full
  late_leak,        // flat, then a leak starts
  // Shapes real services showed that the ones above missed:
  drift_walk_leak,            // request-driven growth in bursts at a varying rate (a random walk with drift)
  fast_big_leak,              // +20–100 % of the level a minute, runs of 1–3 minutes
  restart_loop_unmarked_leak, // a leaking restart loop recorded without restart times
  restart_loop_unmarked_flat, // ... and one that does not leak
  few_stairs_leak,            // 3–6 steps up of varying size, flat between
  slow_warmup_tail,           // an exponential approach to a plateau over minutes
};

std::string_view to_string(Shape shape);
const std::vector<Shape>& all_shapes();
bool is_leak(Shape shape);

struct RequestPoint {
  double t_s = 0;
  double count = 0;
};

struct LabelledSeries {
  std::string name;  // shape and index, e.g. "gc_sawtooth#12"
  Shape shape = Shape::flat;
  bool leak = false;
  std::string unit = "MiB";
  double level = 0;  // the memory the service holds at rest
  std::vector<double> t_s;
  std::vector<double> values;  // NaN while a restart leaves no sample
  std::vector<double> restarts_s;  // empty for the unmarked restart loops
  std::vector<RequestPoint> requests;
  std::string describe;  // the drawn parameters, for a person reading a failure
};

// One series of `shape`; the same seed gives the same series.
LabelledSeries generate(Shape shape, std::uint64_t seed);

// `per_shape` series of every shape, seeds derived from `seed`.
std::vector<LabelledSeries> generate_set(std::uint64_t seed, int per_shape);

// A linear leak of `percent_per_hour` of a 1 GiB level, sampled every
// second for `minutes`, under AR(1) noise of `noise_percent` (phi 0.5): for
// the question "how many minutes does a 10 %/h leak need?".
LabelledSeries linear_leak(double percent_per_hour, double minutes, double noise_percent, std::uint64_t seed);

// Samples every `interval` s for `seconds` from 0: times into `t`, and
// shape(t) plus white noise N(0, noise) into `v`.
template <typename Shape>
void sample_shape(double seconds, double interval, double noise, Shape shape, std::uint64_t seed,
                  std::vector<double>& t, std::vector<double>& v) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0, noise);
  for (double at = 0; at <= seconds; at += interval) {
    t.push_back(at);
    v.push_back(shape(at) + normal(rng));
  }
}

}  // namespace lh::synth
