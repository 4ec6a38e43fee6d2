#pragma once

namespace lh::app {

// leakhound-cli's exit statuses, one meaning each, the same for every
// command. Said to people in three places that must agree with this one:
// README.md ("Exit status"), the man page (installer/leakhound-cli.sections.roff)
// and `leakhound-cli --help`'s footer (kExitStatusHelp).
inline constexpr int kExitOk = 0;
inline constexpr int kExitLeak = 1;            // a leak was found and --fail-on-leak was given
inline constexpr int kExitBadInput = 2;        // a flag, a file, a value: one line names it
inline constexpr int kExitUnreachable = 3;     // the target refused the first connections
inline constexpr int kExitRuntimeFailure = 4;  // lh::RuntimeFailure: a file not written, no descriptors, memory, process

inline constexpr const char* kExitStatusHelp =
    "Exit status: 0 done; 1 a leak was found and --fail-on-leak was given; 2 bad input (one line names it);\n"
    "3 the target was unreachable at the start; 4 a runtime failure: a file could not be written, or the\n"
    "system gave no file descriptors, memory or process (one line says which; what was recorded is kept).";

}  // namespace lh::app
