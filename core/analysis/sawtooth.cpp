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

}  // namespace

Sawtooth find_sawtooth(std::span<const double> t, std::span<const double> floors) {
  Sawtooth s;
  if (t.size() < 8) return s;
  std::vector<double> diffs;
  for (std::size_t i = 1; i < floors.size(); ++i) diffs.push_back(floors[i] - floors[i - 1]);
  const double center = median_of(diffs);
  std::vector<double> spread;
  for (double d : diffs) spread.push_back(std::fabs(d - center));
  const double sd = 1.4826 * median_of(spread);
  if (!(sd > 0)) return s;
  // A collection gives back a share of the heap that shows: a few pages
  // returned now and then from an otherwise flat floor are no sawtooth.
  const double least = kMinDropShare * std::fabs(median_of(std::vector<double>(floors.begin(), floors.end())));
  std::vector<double> drops;
  for (std::size_t i = 0; i < diffs.size(); ++i) {
    if (diffs[i] < center - std::max(4 * sd, least)) drops.push_back(t[i + 1]);
  }
  if (drops.size() < 3) return s;
  std::vector<double> gaps;
  for (std::size_t i = 1; i < drops.size(); ++i) gaps.push_back(drops[i] - drops[i - 1]);
  s.period_s = median_of(gaps);
  const double longest = *std::max_element(gaps.begin(), gaps.end());
  const double width = (t.back() - t.front()) / static_cast<double>(t.size() - 1);
  s.group = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(longest / width)));
  return s;
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
