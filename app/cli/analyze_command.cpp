// leakhound-cli analyze: the leak verdict on a recorded series (a CSV such
// as `monitor` writes). Options and validation here; the analysis is
// lh::analysis.
#include <charconv>
#include <cstdio>
#include <fstream>
#include <memory>

#include "analysis/amounts.h"
#include "analysis/analyzer.h"
#include "analysis/csv_series.h"
#include "analysis/verdict_json.h"
#include "analysis/verdict_words.h"
#include "commands.h"
#include "common/input_error.h"
#include "common/size.h"
#include "parse_args.h"
#include "scenario/resolve.h"
#include "scenario/scenario_file.h"

namespace lh::cli {
namespace {

struct AnalyzeOptions {
  std::string file;
  std::string column;
  std::string time_column;
  std::string limit;
  std::string events;
  std::string scenario;
  bool json = false;
  bool fail_on_leak = false;
};

std::ifstream open(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open the file");
  return in;
}

// The limit in the series' unit: a size ("8GiB") for a series in a byte
// unit, or a bare number taken in the series' own unit.
double limit_in_unit(const std::string& text, const std::string& given_as, const analysis::CsvSeries& series) {
  const auto mib = analysis::mib_per_unit(series.unit);
  if (mib) return parse_size(text) / (1024.0 * 1024.0) / *mib;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    throw InputError(given_as + " " + text + ": column " + series.column +
                     " has no byte unit in its name, so give the limit as a plain number in its unit");
  }
  return value;
}

int run(const AnalyzeOptions& o) {
  auto in = open(o.file);
  const auto given = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); };
  auto series = analysis::read_series_csv(in, o.file, given(o.column), given(o.time_column));
  if (!o.events.empty()) {
    auto events = open(o.events);
    const auto restarts = analysis::read_restart_events(events, o.events, series);
    series.restarts_s.insert(series.restarts_s.end(), restarts.begin(), restarts.end());
  }
  // A scenario's leak settings and memory limit, as `run` would use them
  // on the same series; --limit wins over its memory_limit.
  analysis::AnalysisParameters params;
  std::string limit_text = o.limit, limit_given_as = "--limit";
  if (!o.scenario.empty()) {
    const scenario::Scenario s = scenario::load_scenario_file(o.scenario);
    params = scenario::analysis_parameters(s.leak);
    if (limit_text.empty()) {
      limit_text = s.probes.memory_limit;
      limit_given_as = o.scenario + ": probes.memory_limit";
    }
  }
  std::optional<double> limit;
  if (!limit_text.empty()) limit = limit_in_unit(limit_text, limit_given_as, series);

  const auto verdict = analysis::analyze(analysis::analysis_input(series, limit), params);
  if (o.json) {
    std::printf("%s\n", analysis::to_json(verdict).dump(2).c_str());
  } else {
    std::printf("%s: %s\n%s", o.file.c_str(), series.column.c_str(), analysis::format_verdict(verdict).c_str());
  }
  return o.fail_on_leak && verdict.kind == analysis::VerdictKind::leak ? app::kExitLeak : app::kExitOk;
}

}  // namespace

Command add_analyze_command(CLI::App& parent) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* app =
      parent.add_subcommand("analyze", "Tell whether a recorded memory series leaks (leak, no_leak, inconclusive)");
  app->add_option("FILE", options->file,
                  "CSV with a time column (t_s in seconds, or time or timestamp: ISO-8601 or seconds since 1970) "
                  "and value columns, as `monitor` writes")
      ->required();
  app->add_option("--column", options->column, "The value column to analyse (default: the memory column)");
  app->add_option("--time-column", options->time_column,
                  "The time column, ISO-8601 or seconds, counted from its first row (default: t_s, time or timestamp)");
  app->add_option("--limit", options->limit, "Project the time to reach this size, e.g. 8GiB");
  app->add_option("--scenario", options->scenario,
                  "Read the series with this scenario's leak settings and memory_limit, as `run` would");
  app->add_option("--events", options->events,
                  "Events CSV (t_s,time,source,kind,detail) whose restart rows split the series");
  app->add_flag("--json", options->json, "Print the verdict as JSON");
  app->add_flag("--fail-on-leak", options->fail_on_leak, "Exit with status 1 when the verdict is leak");
  app->footer(
      "Restarts are also read from pid, start-time and uptime columns, and growth per 1,000 requests from a\n"
      "cumulative requests column (named requests or *requests_total). Exit status: 0 whatever the verdict,\n"
      "1 on leak with --fail-on-leak, 2 on bad input.");
  return Command{app, [options] {
                   try {
                     return run(*options);
                   } catch (const InputError& e) {
                     return app::report_bad_input("leakhound-cli analyze", e.what());
                   }
                 }};
}

}  // namespace lh::cli
