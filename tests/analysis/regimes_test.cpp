// Changes of regime: where a window starts after warm-up, a jump, a late start.
#include "analysis/regimes.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "analysis/two_phase.h"

using namespace lh::analysis;

namespace {

struct Series {
  std::vector<double> t, y;
};

Series make(std::size_t n, double (*shape)(double), double noise, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0, noise);
  Series s;
  for (std::size_t i = 0; i < n; ++i) {
    s.t.push_back(static_cast<double>(i) * 10);
    s.y.push_back(shape(s.t.back()) + normal(rng));
  }
  return s;
}

}  // namespace

TEST_CASE("least squares lines are exact on exact data") {
  const std::vector<double> t{0, 1, 2, 3}, y{1, 3, 5, 7};
  const auto fit = fit_line(t, y);
  CHECK(fit.slope == Approx(2));
  CHECK(fit.intercept == Approx(1));
  CHECK(fit.sse == Approx(0).margin(1e-12));
}

TEST_CASE("a two-phase fit finds the corner of a cache that fills and holds") {
  const auto s = make(
      120, [](double t) { return 100 + std::min(t, 400.0) * 0.5; }, 0.5, 1);
  const auto fit = best_two_phase(s.t, s.y, 5);
  REQUIRE(fit);
  CHECK(s.t[fit->split] == Approx(400).margin(20));
  CHECK(fit->gain() > 0.9);
  CHECK(fit->left.slope == Approx(0.5).epsilon(0.05));
  CHECK(fit->right.slope == Approx(0).margin(0.01));
}

TEST_CASE("a warm-up at the start of a segment is excluded with its tail") {
  const auto s = make(
      150, [](double t) { return 500 + 200 * (1 - std::exp(-t / 60)); }, 1.0, 2);
  const auto w = find_window(s.t, s.y, AnalysisParameters{});
  REQUIRE(!w.changes.empty());
  CHECK(w.changes.front().kind == ChangeKind::slowdown);
  CHECK(s.t[w.start] >= 180);  // three time constants: under 5 % of the warm-up left
  CHECK(s.t[w.start] <= 900);
}

TEST_CASE("a model loaded once is a step, and the window starts after it") {
  const auto s = make(
      150, [](double t) { return t < 700 ? 300.0 : 364.0; }, 1.0, 3);
  const auto w = find_window(s.t, s.y, AnalysisParameters{});
  REQUIRE(!w.changes.empty());
  CHECK(w.changes.front().kind == ChangeKind::step);
  CHECK(w.changes.front().jump == Approx(64).margin(3));
  CHECK(s.t[w.start] >= 700);
}

TEST_CASE("a leak that starts late moves the window to where growth starts") {
  const auto s = make(
      150, [](double t) { return 300 + std::max(0.0, t - 600) * 0.2; }, 1.0, 4);
  const auto w = find_window(s.t, s.y, AnalysisParameters{});
  REQUIRE(!w.changes.empty());
  CHECK(w.changes.back().kind == ChangeKind::speedup);
  CHECK(s.t[w.start] == Approx(600).margin(60));
}

TEST_CASE("a steady leak has no change of regime") {
  const auto s = make(
      150, [](double t) { return 300 + t * 0.05; }, 1.0, 5);
  const auto w = find_window(s.t, s.y, AnalysisParameters{});
  CHECK(w.changes.empty());
  CHECK(w.start == 0);
}
