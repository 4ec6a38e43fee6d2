#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// LeakHound's limits on a load plan: the same for bench's options, an ab
// command imported, and a scenario's "load" (whose reader and the plan's
// validate() both use these). A value over one is bad input, reported in
// one line that names the limit and the value:
//   "-c: the limit is 20000 connections, got 20001"
namespace lh::load {

// Connections (concurrency, and a closed run's stage targets). Each costs
// about 14 KiB of libcurl state and a file descriptor, and Linux gives the
// connections to one address and port 28,232 local ports by default
// (net.ipv4.ip_local_port_range): 20000 is about 290 MiB, within the ports.
inline constexpr int kMaxConcurrency = 20000;
// Requests: 2^53, the largest count a JSON number (a scenario's, a
// summary's) holds exactly.
inline constexpr std::uint64_t kMaxCount = std::uint64_t{1} << 53;
// Requests per second (rate, and an open run's stage targets).
inline constexpr double kMaxRate = 1e7;
// How long a run may last: its duration, and its stages together (a leap
// year: a soak test, with time to spare on the session clock's nanoseconds).
inline constexpr double kMaxRunSeconds = 366 * 86400.0;
// How long one request may take.
inline constexpr double kMaxTimeoutSeconds = 86400.0;
// Worker threads.
inline constexpr int kMaxThreads = 64;
// File descriptors the rest of the process may need beside the connections
// (standard streams, the journal, probes, libcurl's own, each worker's
// epoll set and wake-up event): what the connections' check leaves free.
inline constexpr int kReservedFiles = 128;

// The words of every limit's message: over_limit("20000 connections", "20001")
// → "the limit is 20000 connections, got 20001".
inline std::string over_limit(std::string_view limit, std::string_view got) {
  return "the limit is " + std::string(limit) + ", got " + std::string(got);
}

}  // namespace lh::load
