// Requests served over time, the input of growth per 1,000 requests: from
// the load, or from a counter of the service's own that the scenario names.
#include <catch2/catch.hpp>
#include <cmath>

#include "probe/series_store.h"
#include "session/requests_served.h"
#include "session/session_data.h"
#include "session/session_files.h"
#include "synthetic_session.h"

using namespace lh::session;
using lh::test::SyntheticSession;
using lh::test::TempFolder;

namespace {

std::vector<std::optional<double>> counts(CounterIncrease::Form form, const std::vector<std::pair<double, double>>& samples) {
  CounterIncrease increase(form);
  std::vector<std::optional<double>> out;
  for (const auto& [t, v] : samples) out.push_back(increase.add(t, v));
  return out;
}

}  // namespace

TEST_CASE("a running total counts its increases from its first sample, summed across resets and gaps") {
  const double nan = std::nan("");
  // 10, 15, then the service restarts and counts 3, then a gap, then 8.
  const auto c = counts(CounterIncrease::Form::total, {{0, 10}, {1, 15}, {2, 3}, {3, nan}, {4, 8}, {5, 8}});
  REQUIRE(c.size() == 6);
  CHECK(c[0] == 0.0);
  CHECK(c[1] == 5.0);
  CHECK(c[2] == 8.0);  // a reset: the new value is all increase
  CHECK_FALSE(c[3]);   // a gap
  CHECK(c[4] == 13.0);
  CHECK(c[5] == 13.0);
}

TEST_CASE("a counter's rate is summed over the time each value covers") {
  const double nan = std::nan("");
  // The first scrape gives no rate yet; then 10/s over 1 s; a scrape that
  // failed; then 20/s over the 2 s since the last value.
  const auto c = counts(CounterIncrease::Form::rate, {{0, nan}, {1, 10}, {2, nan}, {3, 20}, {4, 0}});
  CHECK_FALSE(c[0]);
  CHECK(c[1] == 10.0);
  CHECK_FALSE(c[2]);
  CHECK(c[3] == 50.0);
  CHECK(c[4] == 50.0);
}

TEST_CASE("a request counter is found by series name, metric, or a Prometheus counter's _total name") {
  lh::probe::SeriesStore store;
  const auto group = store.add_group("probe");
  store.add_series(group, {"conversion/conversions", "conversion", "conversions", lh::meaning_of("conversions")});
  const std::string rate = R"(demo_requests_per_s{endpoint="convert"})";
  store.add_series(group, {"demo/" + rate, "demo", rate, lh::meaning_of("demo_requests_per_s")});
  store.append_row(group, 0, std::vector<double>{4, std::nan("")});
  store.append_row(group, 1, std::vector<double>{9, 5});

  auto found = find_request_counter(store, group, "conversion/conversions");
  REQUIRE(found);
  CHECK(found->form == CounterIncrease::Form::total);
  CHECK(find_request_counter(store, group, "conversions"));
  found = find_request_counter(store, group, R"(demo/demo_requests_total{endpoint="convert"})");
  REQUIRE(found);
  CHECK(found->form == CounterIncrease::Form::rate);
  CHECK(find_request_counter(store, group, R"(demo_requests_total{endpoint="convert"})"));
  CHECK_FALSE(find_request_counter(store, group, "conversion/other"));

  const auto served = requests_served(store, group, "conversions");
  REQUIRE(served.size() == 2);
  CHECK(served.back().count == 5.0);
  CHECK(requests_served(store, group, "nothing").empty());
  CHECK(requests_served(store, group, "").empty());  // no load either
}

TEST_CASE("growth per 1,000 requests from a service's counter that resets at each restart matches the load's") {
  TempFolder dir("requests_served");
  SyntheticSession spec{.mib_per_hour = 600, .restarts_s = {300}};
  lh::test::write_synthetic_session(dir / "load", spec);
  spec.with_load = false;
  spec.request_counter = "requests_served";
  lh::test::write_synthetic_session(dir / "watch", spec);

  const SessionData by_load = load_session(dir / "load");
  const SessionData by_counter = load_session(dir / "watch");
  CHECK_FALSE(by_counter.with_load);
  CHECK_FALSE(by_counter.load_group);
  CHECK_FALSE(by_counter.load);
  CHECK(by_counter.request_counter == "requests_served");
  // The counter went back to 0 at the restart; its increases were summed.
  // (The synthetic service restarts right at a sample: the second before
  // it, 100 requests, no sample saw.)
  const auto served = requests_served(*by_counter.store, by_counter.probe_group, by_counter.request_counter);
  REQUIRE_FALSE(served.empty());
  CHECK(served.back().count == 100.0 * 600 - 100);

  REQUIRE(by_load.watched());
  REQUIRE(by_counter.watched());
  const auto& a = by_load.watched()->verdict;
  const auto& b = by_counter.watched()->verdict;
  REQUIRE(a.growth_per_1000_requests);
  REQUIRE(b.growth_per_1000_requests);
  CHECK(*b.growth_per_1000_requests == Approx(*a.growth_per_1000_requests).epsilon(0.02));
  // 600 MiB/h at 100 requests/s: 1.67 MiB per 1,000 requests.
  CHECK(*b.growth_per_1000_requests == Approx(600.0 / 3600 / 100 * 1000).epsilon(0.1));

  // The files of a session that only watched: no requests.csv, no load summary.
  const auto written = write_session_files(by_counter, dir / "watch");
  CHECK(written.size() == 3);
  CHECK_FALSE(std::filesystem::exists(dir / "watch" / kRequestsCsv));
  const SessionSummary summary = lh::test::read_summary(dir / "watch");
  CHECK_FALSE(summary.load);
  CHECK(summary.headline.growth_per_1000_requests == b.growth_per_1000_requests);
}
