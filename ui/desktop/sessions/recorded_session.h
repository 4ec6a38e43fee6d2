#pragma once

#include <QString>
#include <memory>
#include <vector>

#include "dashboard/session_view.h"
#include "session/session_data.h"
#include "verdict/verdict_panel.h"

namespace lh::ui {

// A recorded session read from its folder, or why it could not be: what a
// background load hands back to the GUI thread.
struct LoadedSession {
  std::shared_ptr<const session::SessionData> data;
  QString error;  // one line naming the folder and the problem; empty when data is set
};

// Reads a session folder's journal (finished or killed) and analyses it.
// Slow for a long session, so it runs off the GUI thread; never throws.
LoadedSession load_recorded_session(const QString& folder);

// The folder a path names as a session: the path itself, or the folder of
// the journal.jsonl it points at (a dropped journal opens its session).
QString session_folder_of(const QString& path);

// What the dashboard, the events list and the status line show of it.
SessionView recorded_view(const session::SessionData& data);
std::vector<SeriesVerdictView> recorded_verdicts(const session::SessionData& data);

// "Finished", "Stopped early" … or, for a session whose process was
// killed, "Killed: rebuilt from its journal up to 00:09:59".
QString ended_words(const session::SessionData& data);

}  // namespace lh::ui
