// A Locust master's /stats/requests as the locust engine reads it (what
// any server at the web UI's address may answer), and its stats CSV.
// Invariants: a refusal is one InputError line; a read answer's latencies
// are NaN or finite and >= 0, and its failures by cause within its counts.
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "common/input_error.h"
#include "locust/locust_stats.h"

namespace {

void check(const lh::locust::LocustStats& s) {
  for (double v : {s.p50_ms, s.p90_ms, s.p99_ms, s.mean_ms, s.min_ms, s.max_ms, s.current_p50_ms, s.current_p95_ms}) {
    if (!std::isnan(v) && !(std::isfinite(v) && v >= 0)) __builtin_trap();
  }
  if (s.first_error.find('\n') != std::string::npos || s.state.find('\n') != std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  try {
    check(lh::locust::read_stats_json(body));
  } catch (const lh::InputError& e) {
    if (std::string_view(e.what()).find('\n') != std::string_view::npos) __builtin_trap();
  }
  std::istringstream csv{std::string(body)};
  try {
    if (const auto s = lh::locust::read_stats_csv(csv)) check(*s);
  } catch (const lh::InputError& e) {
    if (std::string_view(e.what()).find('\n') != std::string_view::npos) __builtin_trap();
  }
  return 0;
}
