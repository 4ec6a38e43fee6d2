#include <catch2/catch.hpp>
#include <thread>

#include "dashboard/store_series.h"
#include "fed_store.h"

using lh::ui::StoreSeries;
using lh::ui::test::FedStore;

TEST_CASE("a store provider copies each row once and hands out what the store holds") {
  FedStore fed;
  fed.write(100);
  StoreSeries series(fed.store());
  auto memory = series.provider(fed.memory);
  auto first = memory();
  REQUIRE(first.t_s.size() == 100);
  CHECK(first.t_s.front() == 0);
  CHECK(first.t_s.back() == 99);
  CHECK(first.values[10] == fed.store()->read_series(fed.memory, 10, 11).v.front());

  first = {};  // nobody holds the snapshot: the next rows are appended in place
  fed.write(5);
  const auto second = memory();
  CHECK(second.t_s.size() == 105);
  CHECK(second.t_s.back() == 104);
}

TEST_CASE("a snapshot a chart still holds does not change under it") {
  FedStore fed;
  fed.write(10);
  StoreSeries series(fed.store());
  auto memory = series.provider(fed.memory);
  const auto held = memory();
  const std::vector<double> copy(held.values.begin(), held.values.end());
  fed.write(5000);
  const auto later = memory();
  CHECK(later.values.size() == 5010);
  REQUIRE(held.values.size() == 10);
  CHECK(std::equal(copy.begin(), copy.end(), held.values.begin()));
}

TEST_CASE("values are scaled, e.g. to MiB") {
  FedStore fed;
  fed.write(3);
  StoreSeries series(fed.store());
  const auto raw = series.provider(fed.memory)();
  const auto scaled = series.provider(fed.memory, 1024)();
  REQUIRE(scaled.values.size() == 3);
  CHECK(scaled.values[2] == Approx(raw.values[2] * 1024));
}

TEST_CASE("with a bounded store, the copy lets the oldest rows go too") {
  FedStore fed(1.0, std::chrono::microseconds(0), lh::probe::StoreLimits{.max_rows = 2048});
  StoreSeries series(fed.store());
  auto memory = series.provider(fed.memory);
  for (int round = 0; round < 20; ++round) {
    fed.write(1000);
    const auto snap = memory();
    const std::uint64_t held_from = fed.store()->first_held_row(fed.probe_group);
    REQUIRE_FALSE(snap.t_s.empty());
    CHECK(snap.t_s.front() >= static_cast<double>(held_from));
    CHECK(snap.t_s.back() == static_cast<double>(fed.rows() - 1));
    CHECK(snap.t_s.size() <= 2048 + 1024);
  }
  CHECK(series.memory_bytes() < 4 * 4096 * sizeof(double));
}

TEST_CASE("reading while a writer thread appends sees whole, ordered rows") {
  FedStore fed(0.01, std::chrono::microseconds(50));
  StoreSeries series(fed.store());
  auto memory = series.provider(fed.memory);
  auto requests = series.provider(fed.requests);
  fed.start(20000);
  std::size_t last = 0;
  int reads = 0;
  while (fed.rows() < 20000 && reads < 100000) {
    const auto snap = memory();
    REQUIRE(snap.t_s.size() == snap.values.size());
    CHECK(snap.t_s.size() >= last);
    last = snap.t_s.size();
    CHECK(std::is_sorted(snap.t_s.begin(), snap.t_s.end()));
    (void)requests();
    ++reads;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  fed.stop();
  CHECK(memory().t_s.size() == fed.rows());
  CHECK(requests().t_s.size() == fed.rows());
}
