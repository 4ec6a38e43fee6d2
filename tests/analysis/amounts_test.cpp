// Units and amounts as the reasons write them; restarts read off columns.
#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/amounts.h"
#include "analysis/restart_detection.h"

using namespace lh::analysis;

TEST_CASE("byte units convert to MiB: other units do not") {
  CHECK(mib_per_unit("MiB") == 1.0);
  CHECK(mib_per_unit("GiB") == 1024.0);
  CHECK(mib_per_unit("KiB") == 1.0 / 1024);
  CHECK(mib_per_unit("B") == 1.0 / (1024.0 * 1024.0));
  CHECK_FALSE(mib_per_unit("%"));
  CHECK_FALSE(mib_per_unit(""));
}

TEST_CASE("amounts read in the largest fitting byte unit, whatever the series' unit") {
  CHECK(format_amount(210, "MiB") == "210 MiB");
  CHECK(format_amount(0.5, "GiB") == "512 MiB");
  CHECK(format_amount(-3.5, "MiB") == "-3.50 MiB");
  CHECK(format_amount(1536, "B") == "1.50 KiB");
  CHECK(format_amount(12.5, "%") == "12.5%");
  CHECK(format_amount(1500, "entries") == "1.5e+03 entries");
  CHECK(format_amount(INFINITY, "MiB") == "unbounded");
}

TEST_CASE("a changed pid or a dropping uptime is a restart at the new process's first sample") {
  const std::vector<double> t{0, 1, 2, 3, 4, 5};
  const std::vector<double> pid{7, 7, NAN, 9, 9, 11};
  CHECK(restarts_from_identity(t, pid) == std::vector<double>{3, 5});
  const std::vector<double> uptime{100, 101, 102, 0.5, 1.5, 1.2};  // 1.2 after 1.5: jitter, not a restart
  CHECK(restarts_from_uptime(t, uptime) == std::vector<double>{3});
}
