#include "probe/process_source.h"

#include <algorithm>
#include <cmath>

#include "sys/proc_memory.h"
#include "sys/proc_stat.h"
#include "sys/proc_status.h"

namespace lh::probe {
namespace {

constexpr double kKibPerMib = 1024.0;
// PSS walks every mapping of the process (smaps_rollup): at most about
// once a second. The slack is the sampler's tick jitter: at a 1 s interval
// every sample reads it, not only those whose tick came a little late.
constexpr double kPssEvery_s = 1.0;
constexpr double kPssSlack_s = 0.1;

}  // namespace

std::optional<pid_t> ProcessSource::resolve_port(SourceSample& fault) {
  // The same process still holding the same listening socket: nothing to
  // look up. Reading the socket tables and every process's descriptors
  // costs milliseconds on a busy host; this is one readlink.
  if (owner_ && sys::holds_socket(owner_->pid, owner_->fd, owner_->inode)) return owner_->pid;
  owner_.reset();
  const int port = spec().port;
  const auto inodes = sys::listening_inodes(port);
  if (inodes.empty()) {
    fault = SourceSample::failed(EventKind::unreachable, "nothing listens on port " + std::to_string(port));
    return std::nullopt;
  }
  std::optional<sys::SocketHolder> first;
  std::uint64_t first_start = 0;
  for (const auto& holder : sys::socket_holders(inodes)) {
    const auto stat = sys::read_proc_stat(holder.pid);
    if (stat && (!first || stat->start_ticks < first_start)) {
      first = holder;
      first_start = stat->start_ticks;
    }
  }
  if (!first) {
    fault = SourceSample::failed(EventKind::unreachable, "port " + std::to_string(port) +
                                                             " is open but its process cannot be read (another "
                                                             "user's? run as that user or as root)");
    return std::nullopt;
  }
  owner_ = first;
  return first->pid;
}

SourceSample ProcessSource::sample(std::span<const HttpResponse>, double t_s) {
  SourceSample out;
  pid_t pid = spec().pid;
  if (spec().kind == SourceKind::port) {
    const auto resolved = resolve_port(out);
    if (!resolved) return out;
    pid = *resolved;
  }
  const auto stat = sys::read_proc_stat(pid);
  const auto status = sys::read_proc_status(pid);
  if (!stat || !status || stat->state == 'Z' || stat->state == 'X') {
    return SourceSample::failed(EventKind::unreachable, "process " + std::to_string(pid) + " is gone");
  }
  out.identity.pid = std::to_string(pid);
  out.identity.start_s = static_cast<double>(stat->start_ticks) / sys::clock_ticks_per_second();

  out.metrics.push_back({"rss_mb", static_cast<double>(status->rss_kib) / kKibPerMib, std::nullopt, {}});
  out.metrics.push_back({"virtual_mb", static_cast<double>(status->vm_kib) / kKibPerMib, std::nullopt, {}});
  // Between reads PSS is a gap, not the last value again: a figure in the
  // CSV is always one that was measured at its time.
  if (pss_t_s_ < 0 || t_s - pss_t_s_ >= kPssEvery_s - kPssSlack_s) {
    if (const auto pss = sys::read_pss_kib(pid)) {
      out.metrics.push_back({"pss_mb", static_cast<double>(*pss) / kKibPerMib, std::nullopt, {}});
      pss_t_s_ = t_s;
    }
  } else {
    out.metrics.push_back({"pss_mb", std::nan(""), std::nullopt, {}});
  }
  out.metrics.push_back({"threads", static_cast<double>(stat->threads), std::nullopt, {}});
  if (const auto fds = sys::count_open_fds(pid)) out.metrics.push_back({"open_fds", static_cast<double>(*fds), std::nullopt, {}});

  // CPU % needs two readings of the same process: the first reading (and
  // the first after a restart) has none yet, a gap rather than a missing
  // column.
  const bool same_process = pid == cpu_pid_ && stat->start_ticks == cpu_start_ticks_;
  double cpu_percent = std::nan("");
  if (same_process && t_s > cpu_t_s_ && stat->cpu_ticks() >= cpu_ticks_) {
    const double cpu_s = static_cast<double>(stat->cpu_ticks() - cpu_ticks_) / sys::clock_ticks_per_second();
    cpu_percent = 100.0 * cpu_s / (t_s - cpu_t_s_);
  }
  out.metrics.push_back({"cpu_percent", cpu_percent, std::nullopt, {}});
  cpu_pid_ = pid;
  cpu_start_ticks_ = stat->start_ticks;
  cpu_ticks_ = stat->cpu_ticks();
  cpu_t_s_ = t_s;

  const auto host = sys::read_host_cpu();
  std::optional<double> busy;
  if (host && host_) busy = sys::busy_percent(*host_, *host);
  out.metrics.push_back({"host_cpu_percent", busy.value_or(std::nan("")), std::nullopt, {}});
  host_ = host;
  return out;
}

}  // namespace lh::probe
