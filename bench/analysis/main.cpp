// leakhound-bench-analysis: the leak analyzer's accuracy beside two
// baselines, the minutes of data it needs, and its speed. Prints Markdown
// for docs/BENCHMARKS.md ("Leak analysis").
#include <CLI/CLI.hpp>

#include "parse_args.h"
#include "sections.h"

int main(int argc, char** argv) {
  std::uint64_t seed = 20261121;  // the tests use other seeds
  int per_shape = 40;
  std::vector<std::string> recordings{std::string(LH_SOURCE_DIR) + "/tests/analysis/recordings",
                                      std::string(LH_SOURCE_DIR) + "/tests/analysis/real"};
  std::string split = "eval";
  std::vector<std::string> sections{"generated", "recordings", "minutes", "live", "alarms", "speed"};
  bool misses = false;
  lh::analysis::AnalysisParameters live_params;
  CLI::App app{"Accuracy, data needed and speed of the leak analysis.", "leakhound-bench-analysis"};
  app.add_option("--seed", seed, "Seed of the generated set (default 20261121)");
  app.add_option("--per-shape", per_shape, "Generated series per shape (default 40)")->check(CLI::Range(1, 10000));
  app.add_option("--recordings", recordings,
                 "Folders of labelled series, each with a labels.csv (file,label[,split,…]); default: the demo-target "
                 "recordings and the stand-in services' real recordings");
  app.add_option("--split", split,
                 "Which rows of a labels.csv with a split column: its value or all (default eval). The real "
                 "recordings' splits are listed in tests/analysis/real/README.md; a generated holdout folder "
                 "(of the holdout-series target) is one split throughout: pass all");
  app.add_option("--sections", sections, "Any of: generated recordings minutes live alarms live-recordings speed");
  app.add_flag("--misses", misses, "List every series the analyzer gets wrong");
  app.add_option("--min-window-fast", live_params.min_window_floor_s,
                 "live-recordings: seconds, a scenario's leak.min_window_fast (default 20)")
      ->check(CLI::Range(10.0, 90.0));
  if (auto status = lh::app::parse_args(app, argc, argv)) return *status;
  for (const auto& s : sections) {
    if (s == "generated") lh::bench::accuracy_on_generated(seed, per_shape, misses);
    if (s == "recordings")
      for (const auto& dir : recordings) lh::bench::accuracy_on_recordings(dir, split, misses);
    if (s == "minutes") lh::bench::minutes_to_flag(seed);
    if (s == "live") lh::bench::time_to_verdict(seed);
    if (s == "alarms") lh::bench::live_false_alarms(seed, per_shape, misses);
    if (s == "live-recordings")
      for (const auto& dir : recordings) lh::bench::live_on_recordings(dir, split, misses, live_params);
    if (s == "speed") lh::bench::speed();
  }
  return 0;
}
