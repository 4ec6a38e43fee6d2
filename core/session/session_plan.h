#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/parameters.h"
#include "load/load_plan.h"
#include "locust/locust_settings.h"
#include "probe/probe_config.h"

namespace lh::session {

// What a report shows beyond its defaults (a scenario's "report" section).
struct ReportSettings {
  std::string title;                // empty: the plan's name
  std::vector<std::string> series;  // charted too, beside the watched memory
};

// Everything one run needs, resolved and checked: what `leakhound-cli run`
// and the desktop app hand to a session. A scenario file becomes one with
// lh::scenario::resolve(); tests build one directly.
struct SessionPlan {
  std::string name;  // for reports, file names and the window title

  // nullopt: a session that only watches (the traffic comes from
  // elsewhere); it lasts `watch_duration`, or until stopped.
  std::optional<load::LoadPlan> load;
  std::optional<Seconds> watch_duration;  // only without a load
  // Set when Locust sends the load ("engine": "locust"): `load` then only
  // bounds the run (its duration and stages) and says what the report
  // shows; the locustfile sends the requests.
  std::optional<locust::LocustSettings> locust;
  probe::ProbeConfig probes;  // with the watched series and the memory limit
  // The probe series counting the requests the service served, by series
  // name or metric as probes.watch names one; growth per 1,000 requests
  // counts its increases. Empty: the load's own count of 2xx answers.
  std::string request_counter;
  analysis::AnalysisParameters analysis;
  ReportSettings report;

  // The scenario as its file says it, secrets redacted (never the resolved
  // values of ${ENV:…} references or Authorization headers): summary.json
  // and the report print it as the run's settings.
  nlohmann::json scenario = nlohmann::json::object();
};

}  // namespace lh::session
