#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "probe/source.h"
#include "sys/host_cpu.h"

namespace lh::probe {

// A process on this machine, by pid or by the TCP port it listens on, read
// from /proc: rss_mb, virtual_mb, pss_mb (when readable), threads,
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
  SourceSample sample(const HttpResponse* response, double t_s) override;

 private:
  // The pid serving the port now, or a fault saying why there is none.
  std::optional<pid_t> resolve_port(SourceSample& fault);

  pid_t pid_ = 0;
  std::vector<std::uint64_t> inodes_;  // the listening socket pid_ was found by

  // The previous reading, for CPU %.
  pid_t cpu_pid_ = 0;
  std::uint64_t cpu_start_ticks_ = 0;
  std::uint64_t cpu_ticks_ = 0;
  double cpu_t_s_ = 0;
  std::optional<sys::HostCpuTimes> host_;
};

}  // namespace lh::probe
