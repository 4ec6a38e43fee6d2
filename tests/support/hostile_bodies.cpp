#include "hostile_bodies.h"

namespace lh::test {
namespace {

constexpr std::size_t kRoom = kBodyCap - 256;  // under the cap, with room for a closing line

// `head` + as many copies of `item(i)` as fit + `tail`.
template <typename Item>
std::string filled(std::string head, Item item, const std::string& tail) {
  std::string body = std::move(head);
  body.reserve(kBodyCap);
  for (std::size_t i = 0;; ++i) {
    const std::string next = item(i);
    if (body.size() + next.size() + tail.size() > kRoom) break;
    body += next;
  }
  return body + tail;
}

std::string numbered_leaves(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  return out;
}

}  // namespace

std::vector<HostileBody> hostile_bodies() {
  std::vector<HostileBody> out;
  out.push_back({"JSON: 1,000 leaves under a 68 KiB key (the issue's 74 KB answer)", "application/json",
                 "{\"" + std::string(68 * 1024, 'p') + "\": {" + numbered_leaves(1000) + "}, \"rss_mb\": 5}",
                 "limit max_name_bytes (1024) reached: 1000 numbers with a longer name left out", "rss_mb", "max_name_bytes (1024)"});
  out.push_back({"JSON: 8 MiB of leaves under a 1,000-byte key", "application/json",
                 filled("{\"" + std::string(1000, 'p') + "\": {",
                        [](std::size_t i) { return (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1"; },
                        "}, \"rss_mb\": 5}"),
                 "limit max_metrics_per_source (1000) reached", "rss_mb", "max_metrics_per_source (1000)"});
  out.push_back({"JSON: one key of 8 MiB", "application/json",
                 "{\"" + std::string(kRoom - 32, 'k') + "\": 1, \"rss_mb\": 5}",
                 "(limit max_json_string_bytes)", "", "max_json_string_bytes (1 MiB)"});
  out.push_back({"JSON: 4 million tiny leaves, memory last", "application/json",
                 filled("{\"a\": [0", [](std::size_t) { return std::string(",0"); }, "], \"rss_mb\": 5}"),
                 "limit max_metrics_per_source (1000) reached", "rss_mb", "max_metrics_per_source (1000)"});
  out.push_back({"JSON: 8 MiB of '[', never closed", "application/json", std::string(kRoom, '['),
                 "not valid JSON: parse error", "", "max_body_bytes (8 MiB)"});
  out.push_back({"JSON: 8 MiB of blanks, then cut short", "application/json",
                 "{\"rss_mb\": 5" + std::string(kRoom - 16, ' '), "not valid JSON: parse error", "", "max_body_bytes (8 MiB)"});
  out.push_back({"Prometheus: 1 million series, memory last", "text/plain; version=0.0.4",
                 filled("", [](std::size_t i) { return "s" + std::to_string(i) + " 1\n"; },
                        "process_resident_memory_bytes 1e8\n"),
                 "limit max_metrics_per_source (1000) reached", "process_resident_memory_bytes", "max_metrics_per_source (1000)"});
  out.push_back({"Prometheus: a label value of 8 MiB", "text/plain; version=0.0.4",
                 "x{v=\"" + std::string(kRoom - 64, 'v') + "\"} 1\nprocess_resident_memory_bytes 1e8\n",
                 "limit max_name_bytes (1024) reached: 1 number with a longer name left out",
                 "process_resident_memory_bytes", "max_name_bytes (1024)"});
  out.push_back({"Prometheus: one line of 800,000 labels", "text/plain; version=0.0.4",
                 filled("x{", [](std::size_t i) { return "a" + std::to_string(i) + "=\"\","; },
                        "} 1\nprocess_resident_memory_bytes 1e8\n"),
                 "limit max_name_bytes (1024) reached", "process_resident_memory_bytes", "max_name_bytes (1024)"});
  out.push_back({"Prometheus: 300,000 TYPE lines", "text/plain; version=0.0.4",
                 filled("", [](std::size_t i) { return "# TYPE t" + std::to_string(i) + " gauge\n"; },
                        "process_resident_memory_bytes 1e8\n"),
                 "limit max_prometheus_types (10000) reached", "process_resident_memory_bytes", "max_prometheus_types (10000)"});
  out.push_back({"OpenMetrics: an exemplar on each of 150,000 lines", "application/openmetrics-text; version=1.0.0",
                 filled("# TYPE c counter\n",
                        [](std::size_t i) {
                          return "c_total{i=\"" + std::to_string(i) + "\"} 1 # {trace_id=\"" + std::to_string(i) +
                                 "\"} 1 1.5\n";
                        },
                        "process_resident_memory_bytes 1e8\n# EOF\n"),
                 "limit max_metrics_per_source (1000) reached", "process_resident_memory_bytes", "max_metrics_per_source (1000)"});
  return out;
}

}  // namespace lh::test
