// Mann–Kendall and the Hamed–Rao correction against values worked by hand.
#include "analysis/mann_kendall.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <random>

using namespace lh::analysis;

namespace {

std::vector<double> one_to(std::size_t n) {
  std::vector<double> x(n);
  std::iota(x.begin(), x.end(), 1.0);
  return x;
}

}  // namespace

TEST_CASE("Mann-Kendall on a strictly rising series") {
  const auto x = one_to(5);
  const std::vector<double> y{1, 2, 3, 4, 5};
  const Run runs[] = {{x, y}};
  // S = 10 pairs all rising; Var = n(n-1)(2n+5)/18 = 5*4*15/18 = 16.667;
  // Z = (10-1)/sqrt(16.667) = 2.2045; two-sided p = 0.0275, one-sided 0.0137.
  const auto mk = mann_kendall(runs);
  CHECK(mk.s == 10);
  CHECK(mk.variance == Approx(300.0 / 18));
  CHECK(mk.z == Approx(2.204541).epsilon(1e-6));
  CHECK(mk.p_two_sided == Approx(0.027486).epsilon(1e-4));
  CHECK(mk.p_increasing == Approx(0.013743).epsilon(1e-4));
}

TEST_CASE("Mann-Kendall with tied values") {
  const auto x = one_to(5);
  const std::vector<double> y{1, 2, 2, 3, 1};
  const Run runs[] = {{x, y}};
  // From 1: + + + 0 (3); from 2: 0 + - (0); from 2: + - (0); from 3: - (-1): S = 2.
  // Two ties of size 2: Var = (300 - 2*(2*1*9))/18 = 264/18 = 14.667.
  // Z = (2-1)/sqrt(14.667) = 0.26112; two-sided p = 0.7940.
  const auto mk = mann_kendall(runs);
  CHECK(mk.s == 2);
  CHECK(mk.variance == Approx(264.0 / 18));
  CHECK(mk.z == Approx(0.261116).epsilon(1e-5));
  CHECK(mk.p_two_sided == Approx(0.79400).epsilon(1e-4));
}

TEST_CASE("Mann-Kendall pools runs: S and variances add") {
  const auto x = one_to(5);
  const std::vector<double> up{1, 2, 3, 4, 5}, down{5, 4, 3, 2, 1};
  const Run runs[] = {{x, up}, {x, down}};
  const auto mk = mann_kendall(runs);
  CHECK(mk.s == 0);
  CHECK(mk.variance == Approx(2 * 300.0 / 18));
  CHECK(mk.p_two_sided == Approx(1.0));
}

TEST_CASE("S by inversion counting equals the pairwise definition") {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 2 + rng() % 60;
    const auto x = one_to(n);
    std::vector<double> y(n);
    for (auto& v : y) v = static_cast<double>(rng() % 7);
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) s += (y[j] > y[i]) - (y[j] < y[i]);
    }
    CHECK(mk_statistic(Run{x, y}) == s);
  }
}

TEST_CASE("Hamed-Rao factor of a sawtooth, worked by hand") {
  // y = 1,2,3 four times, Sen slope 0. Ranks 2.5, 6.5, 10.5 centred: -4, 0, 4;
  // c0 = 4*(16+16) = 128. Only lag 3 passes |rho| > 1.96/sqrt(12) = 0.566:
  // nine same-phase pairs, 6 of them 16 -> rho3 = 96/128 = 0.75 (lag 1 is
  // -0.375, lag 2 -0.5, lag 6 0.5). n/n* = 1 + 2/(12*11*10) * (9*8*7*0.75)
  // = 1 + 756/1320 = 1.572727.
  const auto x = one_to(12);
  const std::vector<double> y{1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3};
  CHECK(hamed_rao_factor(Run{x, y}, 0.0, 0.05) == Approx(1.5727272727));
  const Run runs[] = {{x, y}};
  const auto plain = mann_kendall(runs);
  const auto corrected = mann_kendall_hamed_rao(runs, 0.0);
  CHECK(corrected.s == plain.s);
  CHECK(corrected.variance == Approx(plain.variance * 1.5727272727));
  CHECK(corrected.p_two_sided > plain.p_two_sided);
}

TEST_CASE("Hamed-Rao never narrows the plain test") {
  // Detrended by its Sen slope 1.5 this series alternates (lag-1 rho -0.59),
  // which would give n/n* = 0.11; the factor is held at 1.
  const auto x = one_to(12);
  const std::vector<double> y{10, 12, 11, 15, 14, 18, 17, 21, 20, 24, 26, 25};
  CHECK(hamed_rao_factor(Run{x, y}, 1.5, 0.05) == 1.0);
}

TEST_CASE("Hamed-Rao keeps a trend test honest under autocorrelated noise") {
  // AR(1) noise with phi 0.8 and no trend: the plain test rejects far more
  // often than its 5 %; the corrected one stays near it.
  std::mt19937_64 rng(8);
  std::normal_distribution<double> normal(0, 1);
  int plain = 0, corrected = 0;
  constexpr int kTrials = 400;
  const auto x = one_to(120);
  for (int trial = 0; trial < kTrials; ++trial) {
    std::vector<double> y(120);
    double e = normal(rng);
    for (auto& v : y) v = e = 0.8 * e + 0.6 * normal(rng);
    const Run runs[] = {{x, y}};
    plain += mann_kendall(runs).p_two_sided < 0.05;
    corrected += mann_kendall_hamed_rao(runs, theil_sen_slope(runs)).p_two_sided < 0.05;
  }
  CHECK(plain > 0.25 * kTrials);
  CHECK(corrected < 0.12 * kTrials);
}
