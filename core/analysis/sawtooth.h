#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace lh::analysis {

// A garbage-collected heap ramps up and drops at each collection. Bucket
// floors only remove that sawtooth when a bucket spans a whole cycle, so the
// cycle is measured: drops between consecutive buckets far larger than the
// typical step (4 robust standard deviations of the differences), at least
// three of them. Returns how many consecutive buckets to merge so that a
// merged bucket spans the longest gap between drops (1: no sawtooth seen).
struct Sawtooth {
  std::size_t group = 1;
  double period_s = 0;  // median time between drops, when seen
};
Sawtooth find_sawtooth(std::span<const double> t, std::span<const double> floors);

// Merges runs of `group` consecutive buckets: the lowest floor, the mean time.
void merge_groups(std::vector<double>& t, std::vector<double>& floors, std::size_t group);

}  // namespace lh::analysis
