// ConnectBackoff: exponential waits with jitter, capped, reset on success.
#include <catch2/catch.hpp>

#include "load/connect_backoff.h"

using lh::load::ConnectBackoff;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;

TEST_CASE("each failed connect doubles the wait, drawn in its upper half, up to the cap") {
  std::uint64_t random_state = 0x9E3779B97F4A7C15ULL;
  ConnectBackoff backoff;
  nanoseconds ceiling = ConnectBackoff::kFirst;
  for (int failure = 1; failure <= 20; ++failure) {
    INFO("failure " << failure);
    const nanoseconds wait = backoff.failed(random_state);
    CHECK(wait >= ceiling / 2);
    CHECK(wait <= ceiling);
    ceiling = std::min<nanoseconds>(ceiling * 2, ConnectBackoff::kCap);
  }
  CHECK(backoff.failures() == 20);
}

TEST_CASE("the waits are spread, so slots that failed together do not retry together") {
  std::uint64_t random_state = 12345;
  std::vector<nanoseconds> waits;
  for (int slot = 0; slot < 50; ++slot) {
    ConnectBackoff backoff;
    for (int i = 0; i < 10; ++i) backoff.failed(random_state);
    waits.push_back(backoff.failed(random_state));  // all at the cap: [kCap/2, kCap]
  }
  std::sort(waits.begin(), waits.end());
  CHECK(waits.front() >= milliseconds(500));
  CHECK(waits.back() <= milliseconds(1000));
  CHECK(waits.back() - waits.front() > milliseconds(250));
  CHECK(std::unique(waits.begin(), waits.end()) == waits.end());
}

TEST_CASE("a connect that succeeds starts afresh") {
  std::uint64_t random_state = 99;
  ConnectBackoff backoff;
  for (int i = 0; i < 12; ++i) backoff.failed(random_state);
  backoff.succeeded();
  CHECK(backoff.failures() == 0);
  CHECK(backoff.failed(random_state) <= ConnectBackoff::kFirst);
}
