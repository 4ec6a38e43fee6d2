#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace lh::cli {

// A subcommand: its CLI11 app (options, --help) and what runs once argv has
// been parsed into it. `run` returns the process exit status.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

}  // namespace lh::cli
