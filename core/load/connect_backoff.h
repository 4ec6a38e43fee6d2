#pragma once

#include <chrono>
#include <cstdint>

namespace lh::load {

// How long a connection slot waits before its next attempt when its
// connects fail in a row (a server that is down, or refusing): exponential
// from kFirst, doubling up to kCap, each wait drawn at random in [d/2, d]
// ("equal jitter") so slots that failed together do not retry together.
// A connect that succeeds starts the slot afresh. Without it a closed run
// against a server that went down retries as fast as the kernel refuses:
// about 76,000 attempts in 3 s with 10 connections.
class ConnectBackoff {
 public:
  static constexpr std::chrono::milliseconds kFirst{10};
  static constexpr std::chrono::milliseconds kCap{1000};

  // A connect failed: the wait before the next. `random_state` is the
  // worker's own xorshift64 state (non-zero).
  std::chrono::nanoseconds failed(std::uint64_t& random_state);
  void succeeded() { failures_ = 0; }
  int failures() const { return failures_; }

 private:
  int failures_ = 0;
};

}  // namespace lh::load
