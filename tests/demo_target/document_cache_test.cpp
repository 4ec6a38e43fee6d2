#include <catch2/catch.hpp>

#include "document_cache.h"

using lh::demo::DocumentCache;

TEST_CASE("the document cache fills to its limit and then evicts the least recently used") {
  DocumentCache cache(3, 16);
  for (std::uint64_t k = 0; k < 3; ++k) cache.put(k);
  CHECK(cache.size() == 3);
  cache.put(0);  // 0 becomes the most recently used
  cache.put(3);  // evicts 1
  CHECK(cache.size() == 3);
  CHECK(cache.contains(0));
  CHECK_FALSE(cache.contains(1));
  CHECK(cache.contains(2));
  CHECK(cache.contains(3));
}

TEST_CASE("a limit of zero turns the cache off") {
  DocumentCache cache(0, 16);
  cache.put(1);
  CHECK(cache.size() == 0);
}
