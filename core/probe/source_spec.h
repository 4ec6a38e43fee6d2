#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "probe/http_fetcher.h"

namespace lh::probe {

// Services LeakHound knows by name. A preset gives a URL without a path its
// usual one and says what the answer should look like.
enum class Preset {
  none,
  segmentation,   // GET /memory-stats: {"memory": {…}, "language_processor": {"cache_size", "loaded_models"}, "timestamp"}
  conversion,     // GET /health (usually port 8002): {"status", "memory_usage_gb", …}
  aspnet_health,  // GET /health answering "Healthy", "Degraded" or "Unhealthy" (ASP.NET Core health checks)
};

enum class SourceKind {
  http,  // a URL answering JSON, Prometheus text or a health word
  pid,   // a local process by pid
  port,  // the local process listening on a TCP port
  prom,  // a Prometheus server's HTTP API, asked a PromQL query: one member per series it returns
};

// One thing to sample, as a person or a scenario file names it:
// "http://127.0.0.1:8001/memory-stats", "pid:1234", "port:8002",
// "segmentation=http://127.0.0.1:8001", "prom:http://127.0.0.1:9090" (with
// a query, given beside it). The same parser serves `monitor`,
// `import-ab --monitor` and the probe section of scenario files.
struct SourceSpec {
  SourceKind kind = SourceKind::http;
  Preset preset = Preset::none;
  std::string url;                   // http: with the preset's path filled in
  int pid = 0;                       // pid
  int port = 0;                      // port
  std::vector<std::string> headers;  // http, prom: "Name: value", sent with every request
  // prom: the PromQL query each tick asks (/api/v1/query), every series of
  // its answer a member of its own; and an optional restart query, a series
  // of which rising is a restart of the members it matches (PromMembers).
  std::string query;
  std::string restart_query;
  // http, prom: basic authentication and the CA file for https.
  std::optional<BasicAuth> basic_auth;
  std::string ca_file;
  std::string label;                 // names its series and events; see assign_labels
  std::string text;                  // as written
};

// Throws InputError with one line naming the source, what is wrong and the
// forms that are accepted.
SourceSpec parse_source_spec(std::string_view text);

// The kind of source a text names by its form alone ("pid:", "port:",
// "prom:", anything else a URL), as parse_source_spec reads it: for the
// rules of what each kind takes (source_options.h) before, or without, the
// text being parsed in full.
SourceKind kind_of(std::string_view text);

// Checks a header as written ("Authorization: Bearer x") and returns it
// trimmed. Throws InputError.
std::string parse_header(std::string_view text);

std::string_view to_string(Preset preset);
std::optional<Preset> parse_preset(std::string_view name);

// The HTTP requests a URL or Prometheus source sends: the spec's URL, or
// for prom: its /api/v1/query with `query`, then with the restart query.
std::vector<HttpRequest> source_requests(const SourceSpec& spec);

// Gives every source without a label a short one: the preset's name,
// "host:port" for a URL or a Prometheus server (with the path too when two URLs share a host and
// port), "pid:N", "port:N"; a clash left over gets " #2", " #3" ….
void assign_labels(std::vector<SourceSpec>& sources);

}  // namespace lh::probe
