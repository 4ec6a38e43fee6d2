#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "shell/theme.h"

namespace lh::ui {

// Everything the desktop app remembers between runs, in QSettings (on
// Linux ~/.config/LeakHound/LeakHound.conf): window geometry and dock
// layout, the dashboard's splitters and extra series, the folders last
// used for each kind of file, recent files, the theme, where runs go.
// One place names every key.
namespace AppSettings {

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& geometry);
QByteArray windowState();
void setWindowState(const QByteArray& state);
QByteArray dashboardState();
void setDashboardState(const QByteArray& state);
QByteArray editorState();
void setEditorState(const QByteArray& state);

// The series charted beside the fixed ones, by name.
QStringList extraSeries();
void setExtraSeries(const QStringList& names);

enum class Folder { scenarios, sessions, exports };
// The folder a file dialog of this kind opened last; home when none.
QString lastFolder(Folder kind);
void setLastFolder(Folder kind, const QString& folder);

QStringList recentFiles();
void setRecentFiles(const QStringList& paths);

Theme theme();
void setTheme(Theme theme);

// Where runs write their session folders (default: ~/LeakHound/sessions).
QString runsFolder();
void setRunsFolder(const QString& folder);

// The session folder of a run that has not ended yet: set when a run
// starts, cleared when it ends. Still set at start-up, the app was killed
// mid-run, and offers to open what the journal kept.
QString unfinishedRun();
void setUnfinishedRun(const QString& folder);

}  // namespace AppSettings

}  // namespace lh::ui
