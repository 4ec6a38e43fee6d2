#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <memory>

#include "sys/proc_status.h"

TEST_CASE("own status reads real resident memory that follows allocations") {
  const auto before = lh::sys::read_own_status();
  CHECK(before.rss_kib > 0);
  CHECK(before.threads >= 1);
  constexpr std::size_t kBytes = 64u << 20;
  auto block = std::make_unique<char[]>(kBytes);
  std::memset(block.get(), 1, kBytes);
  const auto after = lh::sys::read_own_status();
  CHECK(after.rss_kib - before.rss_kib > 60 * 1024);
  CHECK(after.peak_rss_kib >= after.rss_kib);
  CHECK(block[kBytes - 1] == 1);
}

TEST_CASE("a process that does not exist reads as nothing") {
  CHECK(lh::sys::read_proc_status(getpid()).has_value());
  CHECK_FALSE(lh::sys::read_proc_status(999999999).has_value());
}
