#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A scenario file as written: the document the desktop editor edits and
// saves back, and what lh::scenario::resolve() turns into a SessionPlan.
// Nothing is resolved here: ${ENV:NAME} references stay references,
// relative paths stay relative, durations and sizes stay the text a person
// typed ("1h30m", "8GiB"). docs/SCENARIOS.md describes every key.
//
// An empty string, an empty list or an unset optional means "not written":
// the key is left out when saved and its default applies. Reading never
// yields an empty string for a key that was written (it is a problem).
namespace lh::scenario {

// Scenario JSON keeps the order of its keys (a body as written, a file
// saved in a stable order).
using Json = nlohmann::ordered_json;

// The value of "leakhound_scenario" this version reads and writes.
inline constexpr int kFormatVersion = 1;
// The key that marks a scenario file (also the MIME magic string).
inline constexpr std::string_view kFormatKey = "leakhound_scenario";
// Scenario files are named NAME.leakhound.json (MIME type
// application/x-leakhound-scenario).
inline constexpr std::string_view kFileExtension = ".leakhound.json";

// A header as "name": "value" in a headers object, in file order.
struct Header {
  std::string name;
  std::string value;
  bool operator==(const Header&) const = default;
};
using Headers = std::vector<Header>;

// A probe source in `monitor`'s syntax ("port:8002", "segmentation=URL"),
// or relative to the target ("/memory-stats", "segmentation=/memory-stats").
// Written as a plain string unless it has more than its source.
struct ProbeSource {
  ProbeSource() = default;
  // The common forms: a source with perhaps a label and headers.
  ProbeSource(std::string source_, std::string label_ = {}, Headers headers_ = {})
      : source(std::move(source_)), label(std::move(label_)), headers(std::move(headers_)) {}

  std::string source;
  std::string label;  // names its series; default: picked from the source
  Headers headers;    // sent with every request to a URL or prom: source
  // prom: sources: the PromQL query (required) and the restart query.
  std::string query;
  std::string restart_query;
  // URL and prom: sources. The secrets may be (and should be) ${ENV:…}
  // references; they are never printed.
  std::string basic_user;
  std::string basic_password;
  std::string bearer_token;  // sent as "Authorization: Bearer …"
  std::string ca_file;       // relative to the scenario file's folder
  bool operator==(const ProbeSource&) const = default;
};

struct Probes {
  std::vector<ProbeSource> sources;
  std::string interval;      // duration, default "1s"
  std::string timeout;       // duration, default 90 % of the interval
  std::string watch;         // the watched memory series; default: picked from the names
  std::string memory_limit;  // size, such as "8GiB"
  // The series counting the requests the service served (a JSON field such
  // as "conversion/conversions", or a Prometheus counter such as
  // "http_requests_total"), named as `watch` names one; default: the load's.
  std::string request_counter;
  // How long a session without load watches; default: until stopped.
  std::string duration;
  bool operator==(const Probes&) const = default;
};

// One kind of request. `path` (joined to the target) or `url`; a body, a
// body file or an upload, at most one.
struct Request {
  std::string name;  // for reports
  std::string method;
  std::string path;
  std::string url;
  Headers headers;
  // A string is sent as it is; an object or array as its compact JSON.
  std::optional<Json> body;
  std::string body_file;     // relative to the scenario file's folder
  std::string content_type;
  std::string upload;        // a file, or a folder whose files are sent in turn
  std::string upload_field;  // default "file"
  std::optional<double> weight;
  bool operator==(const Request&) const = default;
};

struct Stage {
  std::string duration;
  double target = 0;
  bool operator==(const Stage&) const = default;
};

// The load engines a scenario may name (Load::engine).
inline constexpr std::string_view kEngineLeakHound = "leakhound";
inline constexpr std::string_view kEngineLocust = "locust";

struct Load {
  std::vector<Request> requests;
  std::optional<std::int64_t> concurrency;
  std::optional<double> rate;  // requests per second: the open model
  std::vector<Stage> stages;
  std::string duration;
  std::optional<std::uint64_t> count;
  std::string timeout;
  std::optional<bool> keep_alive;
  std::optional<bool> http2;
  std::optional<bool> insecure;
  std::optional<bool> check_length;  // ab without -l
  // Who sends the requests: "leakhound" (this program's engine, the
  // default) or "locust" (Locust's master and workers on the locustfile
  // `export locust` writes; docs/SCENARIOS.md, "Locust").
  std::string engine;
  std::optional<int> workers;  // engine "locust": local workers to start (default 1)
  std::string master;          // engine "locust": the web UI of a master running elsewhere, attached to instead
  bool operator==(const Load&) const = default;
};

// The analysis thresholds a person may want to change, by name; the rest
// of lh::analysis::AnalysisParameters keeps its defaults.
struct Leak {
  std::string warmup;                                  // duration excluded at the start
  std::string min_growth_per_hour;                     // size, such as "1MiB"
  std::optional<double> min_growth_percent_per_hour;   // of the memory level
  std::optional<double> alpha;                         // the trend test's significance
  std::string min_window;                              // duration analysed at the least, for steady growth
  std::string min_window_fast;                         // ... and for growth large against the level
  std::string max_gap;                                 // duration: a longer gap splits the series
  bool operator==(const Leak&) const = default;
};

struct Report {
  std::string title;
  std::vector<std::string> series;  // charted beside the watched memory
  bool operator==(const Report&) const = default;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string target;  // base URL that relative paths are joined to
  Probes probes;
  // No "load": the traffic comes from elsewhere (production, a batch
  // script, Locust) and the session only watches.
  std::optional<Load> load;
  Leak leak;
  Report report;
  bool operator==(const Scenario&) const = default;
};

}  // namespace lh::scenario
