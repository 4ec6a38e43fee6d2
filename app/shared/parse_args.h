#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>

#include "common/input_error.h"

namespace lh::app {

// Exit statuses every LeakHound command uses (1 and 3 are the session
// commands' own: a leak, an unreachable target).
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitCannotWrite = 4;  // a result file could not be written (disk full, …)

// The one line LeakHound promises, whatever the message holds: a line break
// or other control character that slipped into it is shown escaped.
inline std::string one_line(std::string message) {
  std::string out;
  for (char c : message) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') out += "?";
    else out += c;
  }
  return out;
}

// Prints a bad-input message as that one line:
// "leakhound-cli bench: -c: expected at least 1 connection (a whole number), got \"0\"".
inline int report_bad_input(const std::string& program, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", program.c_str(), one_line(message).c_str());
  return kExitBadInput;
}

// A file that could not be written (lh::WriteError), in one line, and exit 4:
// "leakhound-cli bench: \"out.json\": cannot be written (No space left on device)".
inline int report_write_failure(const std::string& program, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", program.c_str(), one_line(message).c_str());
  return kExitCannotWrite;
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
    // A subcommand's --help is reported through its own app; errors name
    // the subcommand that was being read ("leakhound-cli bench: …").
    std::string program = app.get_name();
    for (const CLI::App* sub = &app; sub != nullptr;) {
      const auto parsed = sub->get_subcommands();
      sub = parsed.empty() ? nullptr : parsed.front();
      if (sub) program += " " + sub->get_name();
    }
    return report_bad_input(program, std::string(e.what()) + " (see --help)");
  } catch (const InputError& e) {
    return report_bad_input(app.get_name(), e.what());
  }
}

}  // namespace lh::app
