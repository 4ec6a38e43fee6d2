#include "load/load_stats.h"

#include <numeric>

namespace lh::load {

std::string_view to_string(FailureCause cause) {
  switch (cause) {
    case FailureCause::connect: return "connect";
    case FailureCause::timeout: return "timeout";
    case FailureCause::reset: return "reset";
    case FailureCause::read: return "read";
    case FailureCause::length: return "length";
  }
  return "unknown";
}

std::string_view to_string(RunState state) {
  switch (state) {
    case RunState::ready: return "ready";
    case RunState::running: return "running";
    case RunState::paused: return "paused";
    case RunState::finished: return "finished";
    case RunState::stopped: return "stopped";
    case RunState::unreachable: return "unreachable";
  }
  return "unknown";
}

std::uint64_t Totals::failed() const { return std::accumulate(failures.begin(), failures.end(), std::uint64_t{0}); }

void Totals::add(const Totals& o) {
  started += o.started;
  completed += o.completed;
  aborted += o.aborted;
  for (std::size_t i = 0; i < failures.size(); ++i) failures[i] += o.failures[i];
  for (std::size_t i = 0; i < status.size(); ++i) status[i] += o.status[i];
  non_2xx += o.non_2xx;
  connections_opened += o.connections_opened;
  bytes_received += o.bytes_received;
  body_bytes_received += o.body_bytes_received;
  bytes_sent += o.bytes_sent;
}

}  // namespace lh::load
