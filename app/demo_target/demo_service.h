#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/clock.h"
#include "document_cache.h"
#include "resident_block.h"

namespace httplib {
class Server;
}

namespace lh::demo {

struct DemoOptions {
  std::size_t leak_kib_per_request = 0;  // kept forever per work request: the original bug
  std::size_t cache_limit = 0;           // LRU document cache entries; 0 = no cache
  std::size_t cache_entry_kib = 64;      // memory each cached document holds
  std::size_t model_mib = 8;             // memory a language model holds once loaded
  std::int64_t restart_after = 0;        // exit after this many conversions; 0 = never
  int latency_ms = 0;                    // added to every work request
};

// The two services LeakHound is made for, in one process:
//  - text segmentation: POST /segment, GET /memory-stats
//  - PDF conversion:    POST /convert (multipart, field "file"), GET /health
// plus GET /metrics in the Prometheus text format. Every figure it reports
// about memory is read from /proc/self, never computed from its counters.
class DemoService {
 public:
  // `request_exit` is called once, after the response to the conversion
  // that reaches --restart-after has been produced.
  DemoService(DemoOptions options, std::function<void()> request_exit);

  void mount(httplib::Server& server);

 private:
  // Work every POST does besides its answer: the leak, the cache, the delay.
  void on_work_request();
  // Loads a language model on first use; false for a language we lack.
  bool ensure_model(const std::string& language);

  std::string memory_stats_json();
  std::string health_json();
  std::string metrics_text();

  const DemoOptions options_;
  const std::function<void()> request_exit_;
  const MonoClock::time_point started_ = MonoClock::now();
  const WallClock::time_point started_wall_ = WallClock::now();

  std::mutex mutex_;  // guards everything below
  std::vector<ResidentBlock> leaked_;
  DocumentCache cache_;
  std::map<std::string, ResidentBlock> models_;
  std::uint64_t next_document_ = 0;
  std::int64_t segmentations_ = 0;
  std::int64_t conversions_ = 0;
};

}  // namespace lh::demo
