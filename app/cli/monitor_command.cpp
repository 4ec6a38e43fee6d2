// leakhound-cli monitor: sample services' memory and CPU at a fixed
// interval, with no load; print a line per interval and write CSV files.
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
#include "probe/csv_writers.h"
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
  return path;
}

probe::ProbeConfig config_from(const MonitorOptions& o) {
  probe::ProbeConfig config;
  std::vector<std::string> headers;
  for (const auto& h : o.headers) headers.push_back(probe::parse_header(h));
  for (const auto& text : o.sources) {
    auto spec = probe::parse_source_spec(text);
    if (spec.kind == probe::SourceKind::http) spec.headers = headers;
    config.sources.push_back(std::move(spec));
  }
  config.interval = duration_option("--interval", o.interval);
  if (!o.timeout.empty()) config.timeout = duration_option("--timeout", o.timeout);
  config.watch = o.watch;
  if (const auto problems = probe::check(config); !problems.empty()) {
    throw InputError(flag_of(problems.front().path) + ": " + problems.front().message);
  }
  return config;
}

int run_monitor(const MonitorOptions& options) {
  const std::string program = "leakhound-cli monitor";
  std::optional<Seconds> duration;
  probe::ProbeConfig config;
  try {
    config = config_from(options);
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
    labels.push_back(s.label);
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
                  "process listening there); or PRESET=URL with PRESET segmentation, conversion or aspnet-health")
      ->required();
  cmd->add_option("--interval", options->interval, "Time between samples, from 100ms to 24h (default 1s)");
  cmd->add_option("--duration", options->duration, "Stop after this long (default: until Ctrl-C)");
  cmd->add_option("--timeout", options->timeout, "Time a source may take to answer (default 90% of the interval)");
  cmd->add_option("--csv", options->csv, "Write every sample: t_s, time, then one column per series");
  cmd->add_option("--events", options->events, "Write the events: t_s,time,source,kind,detail");
  cmd->add_option("--watch", options->watch, "The memory series to watch, by name (default: picked from the names)");
  cmd->add_option("-H,--header", options->headers, "A header for every URL source, \"Name: value\"; may repeat");
  cmd->footer(
      "Durations: 500ms, 0.5s, 30s, 10m, 2h.\n"
      "Examples:\n"
      "  leakhound-cli monitor segmentation=http://127.0.0.1:8001 --duration 10m --csv seg.csv\n"
      "  leakhound-cli monitor http://127.0.0.1:8002/health port:8002 --interval 500ms --events events.csv\n"
      "Exit status: 0 done, 2 bad input, 4 a CSV file could not be written (the rows written so far stay).");
  return Command{cmd, [options] { return run_monitor(*options); }};
}

}  // namespace lh::cli
