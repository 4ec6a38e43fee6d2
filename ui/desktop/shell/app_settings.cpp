#include "shell/app_settings.h"

#include <QDir>
#include <QSettings>

namespace lh::ui::AppSettings {

using namespace Qt::StringLiterals;

namespace {

QVariant get(const QString& key, const QVariant& fallback = {}) { return QSettings().value(key, fallback); }
void put(const QString& key, const QVariant& value) { QSettings().setValue(key, value); }

QString folder_key(Folder kind) {
  switch (kind) {
    case Folder::scenarios: return u"folders/scenarios"_s;
    case Folder::sessions: return u"folders/sessions"_s;
    case Folder::exports: return u"folders/exports"_s;
  }
  return u"folders/other"_s;
}

}  // namespace

QByteArray windowGeometry() { return get(u"window/geometry"_s).toByteArray(); }
void setWindowGeometry(const QByteArray& geometry) { put(u"window/geometry"_s, geometry); }
QByteArray windowState() { return get(u"window/state"_s).toByteArray(); }
void setWindowState(const QByteArray& state) { put(u"window/state"_s, state); }
QByteArray dashboardState() { return get(u"dashboard/state"_s).toByteArray(); }
void setDashboardState(const QByteArray& state) { put(u"dashboard/state"_s, state); }
QByteArray editorState() { return get(u"editor/state"_s).toByteArray(); }
void setEditorState(const QByteArray& state) { put(u"editor/state"_s, state); }

QStringList extraSeries() { return get(u"dashboard/extraSeries"_s).toStringList(); }
void setExtraSeries(const QStringList& names) { put(u"dashboard/extraSeries"_s, names); }

QString lastFolder(Folder kind) {
  const QString folder = get(folder_key(kind)).toString();
  return !folder.isEmpty() && QDir(folder).exists() ? folder : QDir::homePath();
}
void setLastFolder(Folder kind, const QString& folder) { put(folder_key(kind), folder); }

QStringList recentFiles() { return get(u"recent/files"_s).toStringList(); }
void setRecentFiles(const QStringList& paths) { put(u"recent/files"_s, paths); }

Theme theme() { return theme_from_string(get(u"view/theme"_s).toString()); }
void setTheme(Theme theme) { put(u"view/theme"_s, to_string(theme)); }

QString runsFolder() {
  return get(u"runs/folder"_s, QDir::home().filePath(u"LeakHound/sessions"_s)).toString();
}
void setRunsFolder(const QString& folder) { put(u"runs/folder"_s, folder); }

QString unfinishedRun() { return get(u"runs/unfinished"_s).toString(); }
void setUnfinishedRun(const QString& folder) {
  if (folder.isEmpty()) {
    QSettings().remove(u"runs/unfinished"_s);
  } else {
    put(u"runs/unfinished"_s, folder);
  }
}

}  // namespace lh::ui::AppSettings
