// leakhound-cli monitor: sample services' memory and CPU at a fixed
// interval, with no load; print a line per interval and write CSV files.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "common/atomic_file.h"
#include "common/input_error.h"
#include "common/quote_value.h"
#include "parse_args.h"
#include "analysis/verdict_words.h"
#include "common/iso_time.h"
#include "probe/csv_writers.h"
#include "probe/prom_history.h"
#include "session/analysed_series.h"
#include "probe/monitor_lines.h"
#include "probe/sampler.h"
#include "stop_signals.h"

namespace lh::cli {
namespace {

struct MonitorOptions {
  std::vector<std::string> sources;
  std::string interval = "1s";
  std::string duration;
  std::string timeout;
  std::string csv;
  std::string events;
  std::string watch;
  std::vector<std::string> headers;
  std::string query;
  std::string restart_query;
  std::string ca_file;
  std::string from;
  std::string to;
};

Seconds duration_option(const std::string& flag, const std::string& text) {
  try {
    return parse_duration(text);
  } catch (const InputError& e) {
    throw InputError(flag + ": " + e.what());
  }
}

// probe::check() holds the configuration's ranges; its paths are named as
// the flags that set them.
std::string flag_of(const std::string& path) {
  if (path == "interval") return "--interval";
  if (path == "timeout") return "--timeout";
  if (path.ends_with(".headers")) return "--header";
  if (path.ends_with(".query")) return "--query";
  return path;
}

probe::ProbeConfig config_from(const MonitorOptions& o) {
  probe::ProbeConfig config;
  std::vector<std::string> headers;
  for (const auto& h : o.headers) headers.push_back(probe::parse_header(h));
  for (const auto& text : o.sources) {
    auto spec = probe::parse_source_spec(text);
    if (spec.kind == probe::SourceKind::http || spec.kind == probe::SourceKind::prom) {
      spec.headers = headers;
      spec.ca_file = o.ca_file;
    }
    if (spec.kind == probe::SourceKind::prom) {
      spec.query = o.query;  // none: check() below says what is missing
      spec.restart_query = o.restart_query;
    }
    config.sources.push_back(std::move(spec));
  }
  const bool any_prom = std::any_of(config.sources.begin(), config.sources.end(),
                                    [](const auto& s) { return s.kind == probe::SourceKind::prom; });
  if (!any_prom && !o.query.empty()) throw InputError("--query: goes with a prom:URL source, and none was given");
  if (!any_prom && !o.restart_query.empty()) {
    throw InputError("--restart-query: goes with a prom:URL source, and none was given");
  }
  config.interval = duration_option("--interval", o.interval);
  if (!o.timeout.empty()) config.timeout = duration_option("--timeout", o.timeout);
  config.watch = o.watch;
  if (const auto problems = probe::check(config); !problems.empty()) {
    throw InputError(flag_of(problems.front().path) + ": " + problems.front().message);
  }
  return config;
}

// A time for --from/--to: "now", "now-2h" or "-2h" (that long ago), or an
// ISO-8601 time ("2026-12-04T10:00:00Z"). Unix seconds.
double time_option(const std::string& flag, const std::string& text, WallClock::time_point now) {
  const double now_s = std::chrono::duration<double>(now.time_since_epoch()).count();
  if (text == "now") return now_s;
  std::string_view ago = text;
  if (ago.starts_with("now")) ago.remove_prefix(3);
  if (ago.starts_with('-')) {
    const Seconds back = duration_option(flag, std::string(ago.substr(1)));
    return now_s - back.count();
  }
  try {
    return std::chrono::duration<double>(parse_iso8601(text).time_since_epoch()).count();
  } catch (const InputError&) {
    throw InputError(flag + ": expected now, now-DURATION (\"now-2h\"), -DURATION or an ISO-8601 time such as "
                            "\"2026-12-04T10:00:00Z\", got " + quote_value(text));
  }
}

// monitor --from --to: the prom: source's query over a past range, through
// query_range, into the same CSV files a live monitor writes; then a
// verdict per series.
int run_history(const MonitorOptions& options, probe::ProbeConfig config) {
  const std::string program = "leakhound-cli monitor";
  double from = 0, to = 0;
  try {
    if (config.sources.size() != 1 || config.sources[0].kind != probe::SourceKind::prom) {
      throw InputError("--from: reads a prom: source's past, so give exactly one prom:URL source");
    }
    if (!options.duration.empty()) throw InputError("--duration: goes with a live monitor, not with --from");
    const auto now = WallClock::now();
    from = time_option("--from", options.from, now);
    to = options.to.empty() ? std::chrono::duration<double>(now.time_since_epoch()).count()
                            : time_option("--to", options.to, now);
    if (!(to > from)) throw InputError("--to: expected a time after --from");
    probe::validate(config);
    probe::assign_labels(config.sources);
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  }
  const SessionClock clock(MonoClock::now(), WallClock::time_point(std::chrono::duration_cast<WallClock::duration>(
                                                   std::chrono::duration<double>(from))));
  probe::SeriesStore store;
  try {
    const auto history = probe::read_prom_history(config.sources[0], from, to, config.interval.count(), config, store);
    std::printf("read %s from %s to %s: %zu points a series, every %s, in %zu requests\n", config.sources[0].label.c_str(),
                format_iso8601(clock.wall_at(0)).c_str(), format_iso8601(clock.wall_at(to - from)).c_str(),
                history.plan.points, format_duration(Seconds(history.plan.step_s)).c_str(), history.requests);
    if (!options.csv.empty()) probe::MonitorCsvFile(options.csv, store, history.group, clock).write_new();
    if (!options.events.empty()) probe::EventsCsvFile(options.events, store, clock).write_new();
    const auto events = store.read_events(0).events;
    for (const auto& e : events) {
      if (e.kind == EventKind::restart) std::printf("%s restart: %s\n", e.source.c_str(), e.detail.c_str());
    }
    const auto analysed = session::analysed_series(store, history.group, config.memory_limit_mib);
    if (analysed.empty()) std::printf("%s\n", analysis::kNoWatchedMemory);
    for (const auto& series : analysed) {
      const auto v = session::analyse(store, series, events, {}, analysis::AnalysisParameters{});
      std::printf("%s\n", analysis::verdict_sentence(v.name, v.verdict).c_str());
    }
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  } catch (const RuntimeFailure& e) {
    return app::report_runtime_failure(program, e.what());
  }
  std::fflush(stdout);
  return app::kExitOk;
}

int run_monitor(const MonitorOptions& options) {
  const std::string program = "leakhound-cli monitor";
  std::optional<Seconds> duration;
  probe::ProbeConfig config;
  try {
    config = config_from(options);
    if (!options.from.empty()) return run_history(options, config);
    if (!options.to.empty()) throw InputError("--to: goes with --from");
    if (!options.duration.empty()) duration = duration_option("--duration", options.duration);
    if (duration && duration->count() <= 0) {
      throw InputError("--duration: expected a positive duration, got " + quote_value(options.duration));
    }
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  }

  StopSignals signals;
  SessionClock clock;
  probe::SeriesStore store;
  std::unique_ptr<probe::Sampler> sampler;
  std::optional<probe::MonitorCsvFile> csv;
  std::optional<probe::EventsCsvFile> events;
  try {
    sampler = std::make_unique<probe::Sampler>(config, clock, store);
    if (!options.csv.empty()) csv.emplace(options.csv, store, sampler->group(), clock);
    if (!options.events.empty()) events.emplace(options.events, store, clock);
  } catch (const InputError& e) {
    return app::report_bad_input(program, e.what());
  } catch (const RuntimeFailure& e) {
    return app::report_runtime_failure(program, e.what());
  }

  std::vector<std::string> labels;
  std::string described;
  for (const auto& s : sampler->config().sources) {
    // A prom: source's series are its members', shown as they appear.
    if (s.kind != probe::SourceKind::prom) labels.push_back(s.label);
    described += (described.empty() ? "" : ", ") + s.label + (s.kind == probe::SourceKind::http ? " (" + s.url + ")" : "");
  }
  std::printf("monitoring %s every %s%s\n", described.c_str(), format_duration(config.interval).c_str(),
              duration ? (" for " + format_duration(*duration)).c_str() : "; Ctrl-C stops");
  std::fflush(stdout);

  probe::MonitorLines lines(store, sampler->group(), labels, config.watch);
  auto flush_output = [&] {
    for (const auto& line : lines.next()) std::printf("%s\n", line.c_str());
    std::fflush(stdout);
    if (csv) csv->write_new();
    if (events) events->write_new();
  };

  // --duration 60s at 1s is 60 rows: t = 0 … 59.
  const std::uint64_t rows = duration ? std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(*duration / config.interval))) : 0;
  sampler->start(rows);
  const long poll_ms = std::min<long>(100, static_cast<long>(config.interval.count() * 500));
  try {
    while (!sampler->finished()) {
      if (signals.wait(poll_ms)) break;
      flush_output();
    }
    sampler->stop();
    flush_output();
  } catch (const RuntimeFailure& e) {
    // What the file holds so far stays: every row written out is whole.
    sampler->stop();
    return app::report_runtime_failure(program, e.what());
  }
  return app::kExitOk;
}

}  // namespace

Command add_monitor_command(CLI::App& app) {
  auto options = std::make_shared<MonitorOptions>();
  CLI::App* cmd = app.add_subcommand(
      "monitor",
      "Sample services' memory and CPU at a fixed interval, without load: a line per interval, CSV files on request");
  cmd->add_option("SOURCE", options->sources,
                  "What to sample: a URL answering JSON, Prometheus text or a health word; pid:N; port:N (the local "
                  "process listening there); prom:URL, a Prometheus server asked --query; or PRESET=URL with PRESET "
                  "segmentation, conversion or aspnet-health")
      ->required();
  cmd->add_option("--interval", options->interval, "Time between samples, from 100ms to 24h (default 1s)");
  cmd->add_option("--duration", options->duration, "Stop after this long (default: until Ctrl-C)");
  cmd->add_option("--timeout", options->timeout, "Time a source may take to answer (default 90% of the interval)");
  cmd->add_option("--csv", options->csv, "Write every sample: t_s, time, then one column per series");
  cmd->add_option("--events", options->events, "Write the events: t_s,time,source,kind,detail");
  cmd->add_option("--watch", options->watch, "The memory series to watch, by name (default: picked from the names)");
  // One value each time: a greedy list would take the SOURCE after it.
  cmd->add_option("-H,--header", options->headers,
                  "A header for every URL and prom: source, \"Name: value\"; may repeat")
      ->allow_extra_args(false);
  cmd->add_option("--query", options->query,
                  "prom: sources: the PromQL query asked at every interval; each series it returns (one per pod, "
                  "container or target) is a series of its own");
  cmd->add_option("--restart-query", options->restart_query,
                  "prom: sources: a query whose series rising is a restart of the series it matches, such as "
                  "kube_pod_container_status_restarts_total or process_start_time_seconds");
  cmd->add_option("--ca-file", options->ca_file, "CA certificates (PEM) to trust for https URL and prom: sources");
  cmd->add_option("--from", options->from,
                  "prom: source: read the past instead of watching, from this time (now-2h, -30m, or ISO-8601) "
                  "through /api/v1/query_range, at --interval or coarser (at most 100,000 points a series); write "
                  "--csv/--events as a live monitor would, then print a verdict per series");
  cmd->add_option("--to", options->to, "With --from: the end of the range (default now)");
  cmd->footer(
      "Durations: 500ms, 0.5s, 30s, 10m, 2h.\n"
      "Examples:\n"
      "  leakhound-cli monitor segmentation=http://127.0.0.1:8001 --duration 10m --csv seg.csv\n"
      "  leakhound-cli monitor http://127.0.0.1:8002/health port:8002 --interval 500ms --events events.csv\n"
      "  leakhound-cli monitor prom:http://127.0.0.1:9090 --query 'container_memory_working_set_bytes{namespace=\"seg\","
      "container!=\"\",container!=\"POD\"}' --interval 15s --csv pods.csv\n"
      "  leakhound-cli monitor prom:http://127.0.0.1:9090 --query 'process_resident_memory_bytes{job=\"api\"}' "
      "--from now-6h --interval 15s\n"
      "Exit status: 0 done, 2 bad input, 4 a CSV file could not be written (the rows written so far stay).");
  return Command{cmd, [options] { return run_monitor(*options); }};
}

}  // namespace lh::cli
