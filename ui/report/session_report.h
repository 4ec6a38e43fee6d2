#pragma once

#include <filesystem>

#include "session/session_data.h"

namespace lh::ui::report {

// Writes a session's PDF report: a first page with the verdict in one
// sentence and the headline chart; the watched memory with CPU %,
// throughput and latency; every other memory-like or cache-size series;
// the load's statistics; the leak evidence and reasons; the events; the
// scenario's settings; the environment. Restarts and stages are marked on
// every chart. Charts come from ui/charts (render_chart), as vectors.
//
// Needs a QApplication (the offscreen platform will do: see
// offscreen_app.h). Throws lh::WriteError when the file cannot be written;
// the file is written whole or not at all (lh::write_file_atomically).
void write_session_report(const session::SessionData& data, const std::filesystem::path& path);

}  // namespace lh::ui::report
