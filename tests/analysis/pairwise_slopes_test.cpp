// Theil–Sen's slope selection against listing and sorting every slope.
#include "analysis/pairwise_slopes.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <random>

#include "analysis/normal.h"

using namespace lh::analysis;

namespace {

std::vector<double> brute_slopes(const std::vector<std::vector<double>>& xs,
                                 const std::vector<std::vector<double>>& ys) {
  std::vector<double> s;
  for (std::size_t r = 0; r < xs.size(); ++r) {
    for (std::size_t i = 0; i < xs[r].size(); ++i) {
      for (std::size_t j = i + 1; j < xs[r].size(); ++j) {
        if (xs[r][i] != xs[r][j]) s.push_back((ys[r][j] - ys[r][i]) / (xs[r][j] - xs[r][i]));
      }
    }
  }
  std::sort(s.begin(), s.end());
  return s;
}

double brute_median(std::vector<double> s) {
  const std::size_t n = s.size();
  return n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

// Random runs with repeated x (ties) and repeated y, sorted by x.
void random_runs(std::mt19937_64& rng, std::size_t runs, std::size_t max_points, std::vector<std::vector<double>>& xs,
                 std::vector<std::vector<double>>& ys) {
  std::uniform_int_distribution<int> small(0, 20);
  std::normal_distribution<double> noise(0, 3);
  xs.assign(runs, {});
  ys.assign(runs, {});
  for (std::size_t r = 0; r < runs; ++r) {
    const std::size_t n = 1 + rng() % max_points;
    for (std::size_t i = 0; i < n; ++i) xs[r].push_back(small(rng));
    std::sort(xs[r].begin(), xs[r].end());
    for (double x : xs[r]) ys[r].push_back(rng() % 4 == 0 ? 5.0 : 0.7 * x + noise(rng));
  }
}

std::vector<Run> as_runs(const std::vector<std::vector<double>>& xs, const std::vector<std::vector<double>>& ys) {
  std::vector<Run> runs;
  for (std::size_t r = 0; r < xs.size(); ++r) runs.push_back({xs[r], ys[r]});
  return runs;
}

}  // namespace

TEST_CASE("Theil-Sen equals the median of all slopes on small inputs with ties") {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<std::vector<double>> xs, ys;
    random_runs(rng, 1 + trial % 3, 12, xs, ys);
    const auto runs = as_runs(xs, ys);
    const auto all = brute_slopes(xs, ys);
    REQUIRE(count_slope_pairs(runs) == all.size());
    if (all.empty()) {
      CHECK(std::isnan(theil_sen_slope(runs)));
      continue;
    }
    CHECK(theil_sen_slope(runs) == Approx(brute_median(all)).margin(1e-12));
    // Between two slopes (a slope itself may land either side by rounding).
    const std::size_t i = rng() % all.size();
    const double theta = i + 1 < all.size() ? 0.5 * (all[i] + all[i + 1]) : all[i] + 1;
    CHECK(count_slopes_at_most(runs, theta) ==
          static_cast<std::uint64_t>(std::upper_bound(all.begin(), all.end(), theta) - all.begin()));
    CHECK(count_slopes_at_most(runs, -std::numeric_limits<double>::infinity()) == 0);
    CHECK(count_slopes_at_most(runs, std::numeric_limits<double>::infinity()) == all.size());
  }
}

TEST_CASE("the sampled selection finds exact ranks on inputs too large to list") {
  std::mt19937_64 rng(12);
  std::vector<std::vector<double>> xs(2), ys(2);
  std::normal_distribution<double> noise(0, 1);
  for (int r = 0; r < 2; ++r) {
    for (int i = 0; i < 450; ++i) {
      xs[r].push_back(i / 3);  // ties in x
      ys[r].push_back(0.01 * i + noise(rng));
    }
  }
  const auto runs = as_runs(xs, ys);
  const auto all = brute_slopes(xs, ys);
  REQUIRE(all.size() > 200000);  // past the listing threshold
  for (std::uint64_t k :
       {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{all.size() / 4}, std::uint64_t{all.size() / 2},
        std::uint64_t{all.size() - 2}, std::uint64_t{all.size() - 1}}) {
    CHECK(kth_pairwise_slope(runs, k) == Approx(all[k]).margin(1e-12));
  }
  CHECK(theil_sen_slope(runs) == Approx(brute_median(all)).margin(1e-12));
  CHECK(std::isnan(kth_pairwise_slope(runs, all.size())));
}

TEST_CASE("the normal distribution's CDF and quantile agree with tables") {
  CHECK(normal_cdf(0) == Approx(0.5));
  CHECK(normal_cdf(1.959963985) == Approx(0.975).epsilon(1e-9));
  CHECK(normal_quantile(0.975) == Approx(1.959963985).epsilon(1e-9));
  CHECK(normal_quantile(0.995) == Approx(2.575829304).epsilon(1e-9));
  CHECK(normal_quantile(1e-6) == Approx(-4.753424309).epsilon(1e-8));
  for (double p : {1e-10, 0.01, 0.3, 0.5, 0.77, 0.999})
    CHECK(normal_cdf(normal_quantile(p)) == Approx(p).epsilon(1e-9));
}
