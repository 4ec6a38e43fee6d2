#include "analysis/sawtooth.h"

#include <algorithm>
#include <cmath>

namespace lh::analysis {
namespace {

constexpr double kMinDropShare = 0.005;  // of the level

double median_of(std::vector<double> v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// The buckets that follow a drop: a change between consecutive floors far
// below the typical one (4 robust standard deviations of the changes). A
// collection gives back a share of the heap that shows: a few pages
// returned now and then from an otherwise flat floor are no drop.
std::vector<std::size_t> drops_in(std::span<const double> floors) {
  std::vector<std::size_t> drops;
  if (floors.size() < 8) return drops;
  std::vector<double> diffs;
  for (std::size_t i = 1; i < floors.size(); ++i) diffs.push_back(floors[i] - floors[i - 1]);
  const double center = median_of(diffs);
  std::vector<double> spread;
  for (double d : diffs) spread.push_back(std::fabs(d - center));
  const double sd = 1.4826 * median_of(spread);
  if (!(sd > 0)) return drops;
  const double least = kMinDropShare * std::fabs(median_of(std::vector<double>(floors.begin(), floors.end())));
  for (std::size_t i = 0; i < diffs.size(); ++i) {
    if (diffs[i] < center - std::max(4 * sd, least)) drops.push_back(i + 1);
  }
  return drops;
}

}  // namespace

Sawtooth find_sawtooth(std::span<const double> t, std::span<const double> floors) {
  Sawtooth s;
  std::vector<double> drops;
  for (const std::size_t i : drops_in(floors)) drops.push_back(t[i]);
  if (drops.size() < 3) return s;
  std::vector<double> gaps;
  for (std::size_t i = 1; i < drops.size(); ++i) gaps.push_back(drops[i] - drops[i - 1]);
  s.period_s = median_of(gaps);
  const double longest = *std::max_element(gaps.begin(), gaps.end());
  const double width = (t.back() - t.front()) / static_cast<double>(t.size() - 1);
  s.group = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(longest / width)));
  return s;
}

std::optional<GivenBack> find_given_back(std::span<const double> t, std::span<const double> floors, double keep) {
  const auto drops = drops_in(floors);
  if (drops.empty()) return std::nullopt;
  const std::size_t after = drops.back();
  // Held on both sides: the bucket before the one it fell from stood in the
  // upper half, and the bucket after the drop stays in the lower half (a
  // one-bucket spike or dip is noise), so the drop is confirmed one bucket
  // later.
  if (after < 2 || after + 1 >= floors.size()) return std::nullopt;
  const double from = floors[after - 1];
  const double to = std::min(floors[after], floors[after + 1]);
  const double middle = to + (from - to) / 2;
  if (floors[after - 2] < middle || floors[after + 1] > middle) return std::nullopt;
  const double base = *std::min_element(floors.begin(), floors.begin() + static_cast<std::ptrdiff_t>(after));
  const double rise = from - base;
  if (!(rise > 0) || to > base + keep * rise) return std::nullopt;
  const double since = *std::max_element(floors.begin() + static_cast<std::ptrdiff_t>(after), floors.end());
  if (since > from + keep * rise) return std::nullopt;
  return GivenBack{t[after], from, to, base};
}

void merge_groups(std::vector<double>& t, std::vector<double>& floors, std::size_t group) {
  if (group <= 1) return;
  std::vector<double> mt, mf;
  for (std::size_t i = 0; i < t.size(); i += group) {
    const std::size_t end = std::min(t.size(), i + group);
    double sum = 0, low = floors[i];
    for (std::size_t k = i; k < end; ++k) {
      sum += t[k];
      low = std::min(low, floors[k]);
    }
    mt.push_back(sum / static_cast<double>(end - i));
    mf.push_back(low);
  }
  t = std::move(mt);
  floors = std::move(mf);
}

}  // namespace lh::analysis
