#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "common/event.h"
#include "probe/series_store.h"

namespace lh::test {

// Waits until `done` holds, checking every 10 ms, for at most `timeout`;
// returns whether it held. Every wait in these tests is bounded by one.
bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout);

// Waits until the group has `count` more rows than now.
bool wait_rows(const probe::SeriesStore& store, probe::GroupId group, std::uint64_t count,
               std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));

// All values of the series named `name` (NaN for gaps); fails the test if
// there is no such series.
std::vector<double> values_of(const probe::SeriesStore& store, const std::string& name);

std::vector<Event> events_of(const probe::SeriesStore& store, const std::string& source, EventKind kind);

}  // namespace lh::test
