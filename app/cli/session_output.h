#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "session/session_data.h"

namespace lh::cli {

// What `run`, `demo` and `report` do once a session's journal is complete:
// read it, write samples.csv, events.csv, requests.csv, summary.json and
// report.pdf into its folder, and print the verdict and where the files
// went. Throws InputError when the folder holds no session or a file
// cannot be written.
session::SessionData write_session_results(const std::filesystem::path& folder);

// True when this build can write PDF reports (it was built with Qt).
bool can_write_pdf();

}  // namespace lh::cli
