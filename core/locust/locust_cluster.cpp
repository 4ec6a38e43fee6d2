#include "locust/locust_cluster.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/runtime_failure.h"

namespace lh::locust {

int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw_system_failure("cannot find a free port for Locust");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const int error = errno;
    close(fd);
    throw_system_failure("cannot find a free port for Locust", error);
  }
  close(fd);
  return ntohs(address.sin_port);
}

LocustCluster::LocustCluster(const std::filesystem::path& locust_program, const ClusterFiles& files, int workers) {
  const std::string program = locust_program.string();
  const std::string web_port = std::to_string(free_loopback_port());
  const std::string master_port = std::to_string(free_loopback_port());
  web_url_ = "http://127.0.0.1:" + web_port;
  sys::ChildOptions master_options{.out = sys::ChildStream::file, .err = sys::ChildStream::file,
                                   .dies_with_parent = true, .file = files.master_log().string()};
  master_ = std::make_unique<sys::ChildProcess>(
      std::vector<std::string>{program, "-f", files.locustfile().string(), "--master", "--autostart", "--autoquit",
                               std::to_string(kAutoquitSeconds), "--expect-workers", std::to_string(workers),
                               "--expect-workers-max-wait", "60", "--master-bind-host", "127.0.0.1",
                               "--master-bind-port", master_port, "--web-host", "127.0.0.1", "--web-port", web_port,
                               "--csv", files.csv_prefix().string(), "--csv-full-history"},
      master_options);
  for (int i = 1; i <= workers; ++i) {
    sys::ChildOptions worker_options{.out = sys::ChildStream::file, .err = sys::ChildStream::file,
                                     .dies_with_parent = true, .file = files.worker_log(i).string()};
    workers_.push_back(std::make_unique<sys::ChildProcess>(
        std::vector<std::string>{program, "-f", files.locustfile().string(), "--worker", "--master-host", "127.0.0.1",
                                 "--master-port", master_port},
        worker_options));
  }
}

LocustCluster::~LocustCluster() { stop(); }

void LocustCluster::stop(std::chrono::milliseconds grace) {
  if (master_) master_->stop(grace);
  // The master told its workers to quit; those that did not get a SIGTERM
  // each, all at once, then one shared grace period.
  for (auto& w : workers_) {
    if (!w->exited()) w->signal(SIGTERM);
  }
  const auto deadline = std::chrono::steady_clock::now() + grace;
  for (auto& w : workers_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (!w->wait_for(std::max(left, std::chrono::milliseconds(0)))) w->stop(std::chrono::milliseconds(0));
  }
}

}  // namespace lh::locust
