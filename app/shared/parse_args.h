#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>

#include "common/input_error.h"

namespace lh::app {

// Exit statuses every LeakHound command uses.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;

// Prints a bad-input message as the one line LeakHound promises:
// "leakhound-cli bench: -c: expected a positive integer, got 0".
inline int report_bad_input(const std::string& program, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", program.c_str(), message.c_str());
  return kExitBadInput;
}

// Runs CLI11 over argv. Returns an exit status when the program should stop
// here (after --help or --version: 0; after bad input: 2, with one line on
// stderr), or nullopt when it should go on and do its work.
inline std::optional<int> parse_args(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::printf("%s\n", e.what());
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // A subcommand's --help is reported through its own app.
    return report_bad_input(app.get_name(), std::string(e.what()) + " (see --help)");
  } catch (const InputError& e) {
    return report_bad_input(app.get_name(), e.what());
  }
}

}  // namespace lh::app
