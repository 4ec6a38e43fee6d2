#pragma once

#include <filesystem>
#include <string>

#include "session/session_plan.h"

namespace lh::cli {

// Runs a session to its end for `run` and `demo`: says where it writes,
// shows a progress line (rewritten in place on a terminal, every 10 s in a
// log), stops cleanly on Ctrl-C or SIGTERM, then writes the files and the
// report and prints the verdict. Returns the exit status: 0, 1 on a leak
// with `fail_on_leak`, 2 on bad input, 3 when the target was unreachable
// at the start, 4 on a runtime failure (app/shared/exit_status.h).
int run_session_to_end(session::SessionPlan plan, const std::filesystem::path& folder, bool fail_on_leak,
                       const std::string& program);

}  // namespace lh::cli
