#include "probe_helpers.h"


#include <catch2/catch.hpp>
#include <thread>

namespace lh::test {

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

bool wait_rows(const probe::SeriesStore& store, probe::GroupId group, std::uint64_t count,
               std::chrono::milliseconds timeout) {
  const std::uint64_t target = store.row_count(group) + count;
  return wait_until([&] { return store.row_count(group) >= target; }, timeout);
}

std::vector<double> values_of(const probe::SeriesStore& store, const std::string& name) {
  const auto id = store.find(name);
  INFO("series " << name);
  REQUIRE(id);
  const auto& info = store.series(*id);
  return store.read_rows(info.group, 0).values[info.column];
}

std::vector<Event> events_of(const probe::SeriesStore& store, const std::string& source, EventKind kind) {
  std::vector<Event> out;
  for (const auto& e : store.read_events(0).events) {
    if (e.source == source && e.kind == kind) out.push_back(e);
  }
  return out;
}

}  // namespace lh::test
