#include "load/connect_backoff.h"

#include <algorithm>

namespace lh::load {

std::chrono::nanoseconds ConnectBackoff::failed(std::uint64_t& random_state) {
  using std::chrono::nanoseconds;
  // 10 ms · 2^7 > 1 s: past seven failures the cap holds, and the shift stays small.
  const int doublings = std::min(failures_, 7);
  if (failures_ < 64) ++failures_;
  const auto ceiling = std::min<nanoseconds>(nanoseconds(kFirst) * (std::int64_t{1} << doublings), kCap);
  random_state ^= random_state << 13;  // xorshift64
  random_state ^= random_state >> 7;
  random_state ^= random_state << 17;
  const double u = static_cast<double>(random_state >> 11) * 0x1.0p-53;  // [0, 1)
  return ceiling / 2 + nanoseconds(static_cast<std::int64_t>(u * static_cast<double>(ceiling.count() / 2)));
}

}  // namespace lh::load
