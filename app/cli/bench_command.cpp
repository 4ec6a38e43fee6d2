// leakhound-cli bench: ab's load test on LeakHound's load engine.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>

#include "ab_cli_options.h"
#include "commands.h"
#include "common/atomic_file.h"
#include "load/load_engine.h"
#include "load/load_summary.h"
#include "parse_args.h"

namespace lh::cli {
namespace {

constexpr int kExitUnreachable = 3;
std::atomic<bool> interrupted{false};

struct BenchArgs {
  lh::load::AbOptions ab;
  std::string json_file;
};

int run_bench(const BenchArgs& args) {
  const std::string program = "leakhound-cli bench";
  std::unique_ptr<lh::load::LoadEngine> engine;
  SessionClock clock;
  try {
    engine = std::make_unique<lh::load::LoadEngine>(lh::load::plan_from_ab(args.ab), clock);
  } catch (const InputError& e) {
    return lh::app::report_bad_input(program, e.what());
  }
  const auto& plan = engine->plan();
  if (plan.insecure) {
    std::fprintf(stderr, "WARNING: --insecure: TLS certificates are NOT verified; anyone in between can answer.\n");
  }
  std::printf("Benchmarking %s (be patient)\n", plan.requests.front().url.c_str());
  std::fflush(stdout);

  // Ctrl-C ends the run cleanly and still prints what was measured, as ab does.
  std::signal(SIGINT, [](int) { interrupted = true; });
  const bool progress = !args.ab.quiet && isatty(STDERR_FILENO);
  engine->start();
  while (!engine->wait_for(std::chrono::milliseconds(250))) {
    if (interrupted) engine->stop();
    if (progress) std::fprintf(stderr, "\r%s\033[K", lh::load::progress_line(engine->snapshot()).c_str());
  }
  if (progress) std::fputs("\r\033[K", stderr);
  const auto snapshot = engine->snapshot();

  if (snapshot.state == lh::load::RunState::unreachable) {
    std::fprintf(stderr, "%s: cannot connect to %s: %s\n", program.c_str(), plan.requests.front().url.c_str(),
                 snapshot.first_error.c_str());
    return kExitUnreachable;
  }
  std::printf("Finished %llu requests\n\n%s", static_cast<unsigned long long>(snapshot.totals.completed),
              lh::load::ab_report(plan, snapshot).c_str());
  if (!args.json_file.empty()) {
    try {
      write_file_atomically(args.json_file, lh::load::summary_json(plan, snapshot).dump(2) + "\n");
    } catch (const WriteError& e) {
      return lh::app::report_write_failure(program, std::string("--json: ") + e.what());
    }
  }
  return lh::app::kExitOk;
}

}  // namespace

Command add_bench_command(CLI::App& parent) {
  auto args = std::make_shared<BenchArgs>();
  CLI::App* app =
      parent.add_subcommand("bench", "Load-test a URL the way ab does: ab's options with ab's meanings, and ab's summary");
  app->footer(
      "Differs from ab on purpose: HTTP/1.1 with keep-alive on by default (-k is accepted and changes nothing;\n"
      "--no-keep-alive turns it off), -t does not cap the run at 50000 requests, latencies are exact to 0.4 %.\n"
      "A connection whose connects fail waits before trying again (10 ms, doubling to 1 s); each refused connect\n"
      "counts as a failed request. Limits: -c " + std::to_string(lh::load::kMaxConcurrency) +
      " connections, -n 2^53 requests, --rate 10^7 requests/s, -t 366 days, -s 1 day.\n"
      "Exit status: 0 done, 2 bad input, 3 the target unreachable at the start, 4 --json could not be written.");
  lh::app::add_ab_options(*app, args->ab);
  lh::app::add_load_extension_options(*app, args->ab);
  app->add_option("--json", args->json_file, "Also write a machine-readable summary to FILE");
  app->add_option("URL", args->ab.url, "http://host[:port]/path")->required();
  return Command{app, [args] { return run_bench(*args); }};
}

}  // namespace lh::cli
