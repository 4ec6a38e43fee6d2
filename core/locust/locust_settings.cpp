#include "locust/locust_settings.h"

#include "common/http_url.h"

namespace lh::locust {

Problems check(const LocustSettings& settings) {
  Problems out;
  if (settings.attached()) {
    const auto read = read_http_url(settings.master_url, "http://locust-master:8089");
    if (!read.url) out.push_back({"master", read.problem});
  } else if (settings.workers < 1 || settings.workers > kMaxLocalWorkers) {
    out.push_back({"workers", "expected 1 to " + std::to_string(kMaxLocalWorkers) + " workers, got " +
                                  std::to_string(settings.workers)});
  }
  if (!settings.attached() && settings.locustfile.empty()) out.push_back({"", "no locustfile to run"});
  return out;
}

}  // namespace lh::locust
