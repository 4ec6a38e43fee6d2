#include "sessions/recorded_session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <exception>

#include "common/duration.h"
#include "common/input_error.h"
#include "run/verdict_views.h"
#include "session/journal_records.h"

namespace lh::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("RecordedSession", text); }

}  // namespace

LoadedSession load_recorded_session(const QString& folder) {
  try {
    auto data = std::make_shared<session::SessionData>(session::load_session(folder.toStdString()));
    return {std::move(data), {}};
  } catch (const InputError& e) {
    return {nullptr, QString::fromStdString(e.what())};
  } catch (const std::exception& e) {
    // A file system or parse failure the journal reader did not word: the
    // folder is named so the line still says where.
    return {nullptr, tr("\"%1\": cannot be read (%2)").arg(folder, QString::fromStdString(e.what()))};
  }
}

QString session_folder_of(const QString& path) {
  const QFileInfo info(path);
  if (info.isFile() && info.fileName() == QString::fromUtf8(session::journal::kFileName)) {
    return info.absolutePath();
  }
  return info.absoluteFilePath();
}

SessionView recorded_view(const session::SessionData& data) {
  SessionView view;
  view.store = data.store;
  view.probe_group = data.probe_group;
  view.load_group = data.load_group;
  view.memory_limit_mib = data.memory_limit_mib;
  view.live = false;
  view.name = QString::fromStdString(data.name);
  view.folder = QString::fromStdString(data.folder.string());
  view.ended = ended_words(data);
  return view;
}

std::vector<SeriesVerdictView> recorded_verdicts(const session::SessionData& data) {
  return verdict_views(data.verdicts);
}

QString ended_words(const session::SessionData& data) {
  if (data.killed()) {
    return tr("Killed: rebuilt from its journal up to %1")
        .arg(QString::fromStdString(format_clock(Seconds(data.end_s))));
  }
  if (data.state == "finished") return tr("Finished");
  if (data.state == "stopped") return tr("Stopped early");
  if (data.state == "unreachable") return tr("Ended: the service was unreachable");
  if (data.state == "failed") return tr("Failed");
  return QString::fromStdString(data.state);
}

}  // namespace lh::ui
