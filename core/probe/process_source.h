#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "probe/source.h"
#include "sys/host_cpu.h"
#include "sys/tcp_listeners.h"

namespace lh::probe {

// A process on this machine, by pid or by the TCP port it listens on, read
// from /proc: rss_mb, virtual_mb, pss_mb (when readable; at most once a
// second, since the kernel walks the page tables for it), threads,
// open_fds, cpu_percent (user + system, 100 = one core, as top shows it)
// and host_cpu_percent (all cores together, 0–100).
//
// By port, the process is looked up again whenever the listening socket
// changes, so a service that exits and comes back (or is replaced by
// another process on the same port) is followed; the new pid is the
// restart. When several processes share the listening socket (a pre-fork
// server), the one started first, the parent, is read.
class ProcessSource : public Source {
 public:
  explicit ProcessSource(SourceSpec spec) : Source(std::move(spec)) {}
  SourceSample sample(std::span<const HttpResponse> responses, double t_s) override;

 private:
  // The pid serving the port now, or a fault saying why there is none.
  std::optional<pid_t> resolve_port(SourceSample& fault);

  // The owner of the port as last found, and the descriptor of its
  // listening socket: while that still holds, nothing needs looking up.
  std::optional<sys::SocketHolder> owner_;
  double pss_t_s_ = -1;  // when PSS was last read

  // The previous reading, for CPU %.
  pid_t cpu_pid_ = 0;
  std::uint64_t cpu_start_ticks_ = 0;
  std::uint64_t cpu_ticks_ = 0;
  double cpu_t_s_ = 0;
  std::optional<sys::HostCpuTimes> host_;
};

}  // namespace lh::probe
