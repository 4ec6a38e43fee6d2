#include "reduction_checks.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

namespace lh::chart::test {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// Which input sample each finite output point is: output points are copies
// of samples in order, so one forward walk finds them all.
std::vector<std::size_t> source_indices(const Series& input, std::span<const Point> out) {
  std::vector<std::size_t> indices(out.size(), kNone);
  std::size_t cursor = 0;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (std::isnan(out[k].value)) continue;
    while (cursor < input.t.size() && !(input.t[cursor] == out[k].t_s && input.v[cursor] == out[k].value)) ++cursor;
    INFO("output point " << k << " at t=" << out[k].t_s << " value " << out[k].value);
    REQUIRE(cursor < input.t.size());  // a real sample, later than the previous point's
    indices[k] = cursor++;
  }
  return indices;
}

struct ColumnFacts {
  std::size_t first = kNone, last = kNone, min = kNone, max = kNone;
  bool has_gap = false;
};

}  // namespace

std::size_t count_gap_markers(std::span<const Point> points) {
  return static_cast<std::size_t>(std::count_if(points.begin(), points.end(), [](Point p) { return std::isnan(p.value); }));
}

void require_faithful_reduction(const Series& input, TimeWindow window, std::size_t columns,
                                std::span<const Point> out) {
  const std::size_t n = input.t.size();
  REQUIRE(out.size() <= reduced_capacity(columns));
  for (std::size_t k = 1; k < out.size(); ++k) REQUIRE(out[k - 1].t_s <= out[k].t_s);

  const auto index = source_indices(input, out);
  std::vector<std::size_t> nans_before(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) nans_before[i + 1] = nans_before[i] + (std::isnan(input.v[i]) ? 1 : 0);
  auto gap_between = [&](std::size_t a, std::size_t b) { return nans_before[b] - nans_before[a + 1] > 0; };

  // The window's samples, and the one just outside each edge.
  const auto lo = static_cast<std::size_t>(std::lower_bound(input.t.begin(), input.t.end(), window.begin_s) - input.t.begin());
  const auto hi = static_cast<std::size_t>(std::upper_bound(input.t.begin(), input.t.end(), window.end_s) - input.t.begin());
  const bool left_edge = lo > 0 && !std::isnan(input.v[lo - 1]);
  const bool right_edge = hi < n && !std::isnan(input.v[hi]);
  std::size_t outside = 0;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (index[k] == kNone) continue;
    if (index[k] < lo) CHECK(index[k] == lo - 1);
    if (index[k] >= hi) CHECK(index[k] == hi);
    outside += (index[k] < lo || index[k] >= hi) ? 1 : 0;
  }
  CHECK(outside == (left_edge ? 1u : 0u) + (right_edge ? 1u : 0u));
  if (left_edge) CHECK(index.front() == lo - 1);
  if (right_edge) CHECK(index.back() == hi);

  // Gap markers: never first, last or doubled, and only over a real gap;
  // joined points never bridge a gap unless they share a column.
  auto column = [&](std::size_t i) -> long long {
    if (i < lo) return -1;
    if (i >= hi) return static_cast<long long>(columns);
    return static_cast<long long>(column_of(input.t[i], window, columns));
  };
  std::size_t previous = kNone;
  bool marker_pending = false;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (index[k] == kNone) {
      INFO("gap marker " << k << " at t=" << out[k].t_s);
      CHECK(previous != kNone);
      CHECK_FALSE(marker_pending);
      marker_pending = true;
      continue;
    }
    if (previous != kNone) {
      INFO("points at t=" << input.t[previous] << " and t=" << input.t[index[k]]);
      if (marker_pending) CHECK(gap_between(previous, index[k]));
      if (!marker_pending && gap_between(previous, index[k])) CHECK(column(previous) == column(index[k]));
    }
    previous = index[k];
    marker_pending = false;
  }
  CHECK_FALSE(marker_pending);

  // Per column: the M4 samples appear, and gap-free columns stay within four points.
  std::vector<ColumnFacts> facts(columns);
  for (std::size_t i = lo; i < hi; ++i) {
    ColumnFacts& f = facts[column_of(input.t[i], window, columns)];
    if (std::isnan(input.v[i])) {
      if (f.first != kNone) f.has_gap = true;
      continue;
    }
    if (f.first == kNone) f.first = f.min = f.max = i;
    if (input.v[i] < input.v[f.min]) f.min = i;
    if (input.v[i] > input.v[f.max]) f.max = i;
    f.last = i;
  }
  std::vector<std::vector<std::size_t>> shown(columns);
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (index[k] != kNone && index[k] >= lo && index[k] < hi) shown[column_of(input.t[index[k]], window, columns)].push_back(index[k]);
  }
  for (std::size_t c = 0; c < columns; ++c) {
    const ColumnFacts& f = facts[c];
    if (f.first == kNone) {
      CHECK(shown[c].empty());
      continue;
    }
    INFO("column " << c);
    const auto& s = shown[c];
    auto shows = [&](std::size_t i) { return std::find(s.begin(), s.end(), i) != s.end(); };
    auto shows_value = [&](double v) {
      return std::any_of(s.begin(), s.end(), [&](std::size_t i) { return input.v[i] == v; });
    };
    CHECK(shows(f.first));
    CHECK(shows(f.last));
    CHECK(shows_value(input.v[f.min]));
    CHECK(shows_value(input.v[f.max]));
    if (!f.has_gap) CHECK(s.size() <= kMaxPointsPerGapFreeColumn);
  }
}

}  // namespace lh::chart::test
