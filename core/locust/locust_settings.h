#pragma once

#include <string>

#include "common/problem.h"

namespace lh::locust {

// The most local workers one run starts: one per core is what helps, and
// no machine LeakHound runs on has more than this many to spare.
inline constexpr int kMaxLocalWorkers = 64;

// A run whose load Locust sends (a scenario's "engine": "locust"): either a
// master and `workers` local workers started on loopback with `locustfile`,
// or, with `master_url`, a master already running elsewhere (Locust's
// Kubernetes operator), whose statistics are read and nothing is started.
struct LocustSettings {
  int workers = 1;
  std::string master_url;  // the master's web UI, such as http://locust-master:8089
  std::string locustfile;  // the file's text (scenario::locustfile()), written into the session folder
  bool attached() const { return !master_url.empty(); }
};

// What is wrong with settings made by hand (the scenario's reader has
// checked a scenario's): paths "workers", "master", "" for the whole.
Problems check(const LocustSettings& settings);

}  // namespace lh::locust
