#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "dashboard/session_view.h"
#include "session/session_data.h"
#include "verdict/verdict_panel.h"

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace lh::ui {

class CompareDialog;
class RecentFiles;
class SessionFeed;
struct AppActions;
struct LoadedSession;

// Recorded sessions: File › Open Session…, a folder given on the command
// line, dropped or picked from the recent files (read off the GUI thread,
// then handed to the window to show with its events and verdicts:
// showRequested); File › Export… for the session on screen (`feed`'s; the
// same files and PDF as `leakhound-cli report`); File › Compare Sessions…
// (before and after, as `leakhound-cli compare`). Problems are one line in
// a box over `dialogs`; passing words go out as message().
class SessionFolders : public QObject {
  Q_OBJECT

 public:
  SessionFolders(const AppActions& actions, const SessionFeed* feed, RecentFiles* recent, QWidget* dialogs);

  // The recorded session on screen; null while a run (or nothing) is shown.
  std::shared_ptr<const session::SessionData> shown() const;
  // Null until Compare Sessions… was first asked for.
  CompareDialog* compareDialog() const { return compare_; }

 public slots:
  void openDialog();
  // Reads `path` (a session folder, or its journal.jsonl) in the background
  // and shows it; opened() or failed() follows.
  void open(const QString& path);
  void exportDialog();
  // Writes the on-screen session's files and PDF into `target`;
  // exported() or failed() follows.
  void exportTo(const QString& target);
  void showCompare();
  // If the app was closed or killed during a run (its folder still noted in
  // the settings), asks whether to open what the journal kept, and forgets
  // the note either way. true when it asked.
  bool offerUnfinishedRun();

 signals:
  // A recorded session read: show it.
  void showRequested(const lh::ui::SessionView& view, const std::vector<lh::ui::SeriesVerdictView>& verdicts);
  // A passing word for the status bar; empty: clear it; 0 ms: until the next.
  void message(const QString& text, int timeout_ms);
  void opened(const QString& folder);
  void exported(const QStringList& files);
  void failed(const QString& error);

 private:
  void showLoaded(const LoadedSession& loaded, const QString& path);
  void tell(const QString& title, const QString& error);
  void say(const QString& text, int timeout_ms = 8000);

  const SessionFeed* feed_;
  RecentFiles* recent_;
  QWidget* dialogs_;
  std::shared_ptr<const session::SessionData> shown_;
  CompareDialog* compare_ = nullptr;
  unsigned open_job_ = 0;
  bool exporting_ = false;
};

}  // namespace lh::ui
