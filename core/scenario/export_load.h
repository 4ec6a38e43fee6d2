#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario.h"

// A scenario's load as the exports write it (locustfile.h, k6_script.h):
// the defaults resolve_load() applies, applied the same way, with the
// texts left as written (their ${ENV:…} references unexpanded, files
// relative to the scenario's folder).
namespace lh::scenario {

struct ExportRequest {
  const Request* request = nullptr;  // the scenario's, as written
  std::string method;                // GET, or POST with a body or upload, unless written
  std::string name;                  // its name, or "METHOD path" (how Locust and k6 group their statistics)
  std::string content_type;          // of the body, or of each uploaded part; may be empty
  bool has_content_type_header = false;  // the headers say Content-Type themselves
  double weight = 1;
};

// The headers a request sends, as written (values may hold ${ENV:…}
// references), with its Content-Type added unless the headers give one or
// an upload's parts carry their own: what both exports write.
Headers sent_headers(const ExportRequest& r);

struct ExportLoad {
  std::vector<ExportRequest> requests;
  double total_weight = 0;
  int concurrency = 1;         // users (Locust), VUs (k6)
  std::optional<double> rate;  // requests per second, all together
  // Stages as (seconds, target), from `start_target`: the concurrency, or with a rate the rate.
  double start_target = 0;
  std::vector<std::pair<double, double>> stages;
  double stages_s = 0;  // their total length
  std::optional<double> duration_s;
  std::optional<std::uint64_t> count;
  double timeout_s = 30;
  bool keep_alive = true;
  bool insecure = false;
};

// The stages as the run goes through them until its duration: cut at
// duration_s (the last one ending at its target of that moment), or
// followed by a hold of the last target until duration_s. Without a
// duration, the stages.
std::vector<std::pair<double, double>> staged_timeline(const ExportLoad& load);

// Reads the load of a scenario whose reading found no problem. Throws
// InputError for what an export cannot write (a scenario without requests).
ExportLoad export_load(const Scenario& scenario);

}  // namespace lh::scenario
