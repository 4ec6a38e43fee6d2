#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sys/child_process.h"

namespace lh::locust {

// Where a local Locust run keeps its files: the session folder's "locust/".
struct ClusterFiles {
  std::filesystem::path folder;
  std::filesystem::path locustfile() const { return folder / "locustfile.py"; }
  // --csv's prefix: PREFIX_stats.csv, PREFIX_stats_history.csv (--csv-full-history), …
  std::filesystem::path csv_prefix() const { return folder / "locust"; }
  std::filesystem::path stats_csv() const { return folder / "locust_stats.csv"; }
  std::filesystem::path master_log() const { return folder / "master.log"; }
  std::filesystem::path worker_log(int index) const { return folder / ("worker-" + std::to_string(index) + ".log"); }
};

// A Locust master and its workers on loopback, children of this process
// (sys::ChildProcess, started with dies_with_parent: no orphan outlives
// LeakHound). Locust 2.12 serves its web UI, and so /stats/requests, only
// when not --headless: the master runs with --autostart (the same
// automatic start, --expect-workers honoured) and --autoquit, which ends it
// kAutoquitSeconds after the locustfile's shape ends the run, time enough
// for the workers' last reports (every 3 s) to reach the master and its
// CSV files. Its output and the workers' go to logs in the folder.
class LocustCluster {
 public:
  static constexpr int kAutoquitSeconds = 5;

  // Starts the master and `workers` workers on the file `files.locustfile()`.
  // Throws lh::RuntimeFailure when a process cannot be started or no port
  // is free.
  LocustCluster(const std::filesystem::path& locust_program, const ClusterFiles& files, int workers);
  // Stops whatever still runs (stop()).
  ~LocustCluster();
  LocustCluster(const LocustCluster&) = delete;
  LocustCluster& operator=(const LocustCluster&) = delete;

  // The master's web UI: http://127.0.0.1:PORT
  const std::string& web_url() const { return web_url_; }
  // The master's exit status once it has ended by itself.
  std::optional<int> master_exited() { return master_->wait_for(std::chrono::milliseconds(0)); }

  // SIGTERM to the master (Locust then tells its workers to quit) and
  // waits up to `grace`; then SIGTERM to each worker still running, and
  // SIGKILL to whatever is left after `grace` more. Returns when every
  // process has been reaped.
  void stop(std::chrono::milliseconds grace = std::chrono::seconds(10));

 private:
  std::unique_ptr<sys::ChildProcess> master_;
  std::vector<std::unique_ptr<sys::ChildProcess>> workers_;
  std::string web_url_;
};

// A loopback TCP port nothing listens on now (bound to port 0 and
// released). Throws lh::RuntimeFailure when no socket can be made.
int free_loopback_port();

}  // namespace lh::locust
