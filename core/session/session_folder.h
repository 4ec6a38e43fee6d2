#pragma once

#include <filesystem>
#include <string>

namespace lh::session {

// A new folder name for a session under `parent` (empty: the current
// folder): "leakhound-<name>-20260121-221500", "-2", "-3" … when taken.
// The name is reduced to letters, digits, '-' and '_'. Nothing is created;
// SessionRunner creates the folder when it starts. The CLI puts sessions in
// the current folder, the desktop app under its sessions folder.
std::filesystem::path new_session_folder(const std::filesystem::path& parent, const std::string& name);

}  // namespace lh::session
