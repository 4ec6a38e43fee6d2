#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace lh::test {

// Worst-case probe answers up to the body cap, for the memory property test
// (tests/probe/hostile_memory_test.cpp) and bench/hostile: each is the
// shape of something that once cost far too much, or of a cap.
struct HostileBody {
  std::string name;          // what it is, for a table
  std::string content_type;  // as the server sends it
  std::string body;
  // What `monitor` is to say: a piece of its event line (the limit reached,
  // or why the answer is refused).
  std::string outcome;
  // The watched memory `monitor` is still to find, when the answer has one.
  std::string memory;
  std::string limit;  // the limit that applies, with its value
};

// The body cap of the sampler (ProbeConfig::max_body_bytes): every body
// here is just under it.
inline constexpr std::size_t kBodyCap = 8u << 20;

std::vector<HostileBody> hostile_bodies();

}  // namespace lh::test
