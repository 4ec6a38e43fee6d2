#include "sessions/session_folders.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include "app_actions.h"
#include "dashboard/session_feed.h"
#include "sessions/background.h"
#include "sessions/compare_dialog.h"
#include "sessions/export_dialog.h"
#include "sessions/recorded_session.h"
#include "sessions/session_export.h"
#include "shell/app_settings.h"
#include "shell/recent_files.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

SessionFolders::SessionFolders(const AppActions& a, const SessionFeed* feed, RecentFiles* recent, QWidget* dialogs)
    : QObject(dialogs), feed_(feed), recent_(recent), dialogs_(dialogs) {
  connect(a.open_session, &QAction::triggered, this, &SessionFolders::openDialog);
  connect(a.export_session, &QAction::triggered, this, &SessionFolders::exportDialog);
  connect(a.compare, &QAction::triggered, this, &SessionFolders::showCompare);
}

std::shared_ptr<const session::SessionData> SessionFolders::shown() const {
  // A run shown since replaced the recorded session on the dashboard.
  const SessionView& view = feed_->view();
  if (!shown_ || view.live || view.folder != QString::fromStdString(shown_->folder.string())) return nullptr;
  return shown_;
}

bool SessionFolders::offerUnfinishedRun() {
  const QString folder = AppSettings::unfinishedRun();
  if (folder.isEmpty()) return false;
  AppSettings::setUnfinishedRun({});
  if (!QFileInfo::exists(folder + u"/journal.jsonl"_s)) return false;
  const auto answer = QMessageBox::question(
      dialogs_, tr("A Run Was Interrupted"),
      tr("LeakHound ended during a run. Open what its journal kept in %1?").arg(QDir::toNativeSeparators(folder)),
      QMessageBox::Open | QMessageBox::Ignore, QMessageBox::Open);
  if (answer == QMessageBox::Open) open(folder);
  return true;
}

void SessionFolders::openDialog() {
  const QString folder = QFileDialog::getExistingDirectory(dialogs_, tr("Open a Recorded Session Folder"),
                                                           AppSettings::lastFolder(AppSettings::Folder::sessions));
  if (folder.isEmpty()) return;
  // Sessions sit side by side: the next chooser starts beside this one.
  AppSettings::setLastFolder(AppSettings::Folder::sessions, QFileInfo(folder).absolutePath());
  open(folder);
}

void SessionFolders::open(const QString& path) {
  const QString folder = session_folder_of(path);
  const unsigned job = ++open_job_;
  say(tr("Reading the session in %1…").arg(QDir::toNativeSeparators(folder)), 0);
  run_in_background<LoadedSession>(
      this, [folder] { return load_recorded_session(folder); },
      [this, job, path](const LoadedSession& loaded) {
        if (job == open_job_) showLoaded(loaded, path);  // else a newer open overtook it
      });
}

void SessionFolders::showLoaded(const LoadedSession& loaded, const QString& path) {
  if (!loaded.data) {
    say({});
    if (!QFileInfo::exists(path)) recent_->remove(path);
    tell(tr("Cannot open the session"), loaded.error);
    return;
  }
  shown_ = loaded.data;
  const SessionView view = recorded_view(*shown_);
  emit showRequested(view, recorded_verdicts(*shown_));
  recent_->add(view.folder);
  say(tr("%1 — %2").arg(view.ended, QDir::toNativeSeparators(view.folder)));
  emit opened(view.folder);
}

void SessionFolders::exportDialog() {
  const SessionView& view = feed_->view();
  if (view.folder.isEmpty()) {
    tell(tr("Nothing to export"), tr("No session on screen: open a recorded session or run one first."));
    return;
  }
  ExportDialog dialog(view.folder, dialogs_);
  if (dialog.exec() != QDialog::Accepted) return;
  if (dialog.folder() != view.folder) AppSettings::setLastFolder(AppSettings::Folder::exports, dialog.folder());
  exportTo(dialog.folder());
}

void SessionFolders::exportTo(const QString& target) {
  const SessionView& view = feed_->view();
  QString problem;
  if (view.folder.isEmpty()) problem = tr("No session on screen: open a recorded session or run one first.");
  else if (view.live) problem = tr("The run is still going: export it once it has ended.");
  else if (exporting_) problem = tr("An export is still being written: try again when it is done.");
  if (!problem.isEmpty()) {
    tell(tr("Cannot export"), problem);
    return;
  }
  exporting_ = true;
  say(tr("Exporting into %1…").arg(QDir::toNativeSeparators(target)), 0);
  run_in_background<ExportedFiles>(
      this, [data = shown(), folder = view.folder, target] { return write_export_files(data, folder, target); },
      [this, target](ExportedFiles result) {
        write_export_report(result, target);
        exporting_ = false;
        if (!result.error.isEmpty()) {
          say({});
          tell(tr("Cannot export the session"), result.error);
          return;
        }
        QStringList names;
        for (const QString& file : result.files) names << QFileInfo(file).fileName();
        say(tr("Exported %1 into %2").arg(names.join(u", "_s), QDir::toNativeSeparators(target)), 15000);
        emit exported(result.files);
      });
}

void SessionFolders::showCompare() {
  if (!compare_) {
    compare_ = new CompareDialog(dialogs_);
    // Before: the session opened last before the one on screen, if any.
    const QString on_screen = feed_->view().folder;
    for (const QString& path : recent_->paths()) {
      if (QFileInfo(path).isDir() && path != on_screen) {
        compare_->setFolders(path, {});
        break;
      }
    }
  }
  const QString on_screen = feed_->view().folder;
  if (!on_screen.isEmpty()) compare_->setFolders(compare_->beforeFolder(), on_screen);
  compare_->show();
  compare_->raise();
  compare_->activateWindow();
}

void SessionFolders::tell(const QString& title, const QString& error) {
  emit failed(error);
  auto* box = new QMessageBox(QMessageBox::Warning, title, error, QMessageBox::Ok, dialogs_);
  box->setObjectName(u"sessionProblemBox"_s);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();  // not exec(): results arrive from the background, and must not nest event loops
}

void SessionFolders::say(const QString& text, int timeout_ms) { emit message(text, timeout_ms); }

}  // namespace lh::ui
