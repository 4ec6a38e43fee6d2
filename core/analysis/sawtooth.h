#pragma once

#include <cstddef>
#include <optional>
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

// Growth given back, before a sawtooth can be measured: the latest drop
// fell at once, from a floor held for more than a bucket to one held for
// more than a bucket, to within `keep` of the rise above the lowest floor
// before it, and memory has not since climbed past
// where it fell from by more than that. Memory is then no higher than it
// was: what grew was not kept (a collection, a cache emptied), and a leak
// keeps what it takes. Drops as find_sawtooth counts them.
struct GivenBack {
  double at_s = 0;       // the first bucket after the drop
  double from = 0;       // the floor it fell from
  double to = 0;         // ... and to
  double base = 0;       // the lowest floor before it
};
std::optional<GivenBack> find_given_back(std::span<const double> t, std::span<const double> floors, double keep);

// Merges runs of `group` consecutive buckets: the lowest floor, the mean time.
void merge_groups(std::vector<double>& t, std::vector<double>& floors, std::size_t group);

}  // namespace lh::analysis
