#pragma once

#include <QObject>
#include <QString>

#include "session/session_progress.h"

QT_BEGIN_NAMESPACE
class QAction;
class QCloseEvent;
QT_END_NAMESPACE

namespace lh::ui {

class MainWindow;
class RunController;
class RunProgress;

// The Run menu's work in the main window: Start (F5) resolves the scenario
// being edited (its problems shown, nothing run), starts a RunController
// in a new folder under the sessions folder and shows the run live on the
// dashboard; Pause and Stop follow; the progress bar, status line and
// verdict panel follow its ticks; at the end the final verdicts stay and
// the status bar says where the folder is. Actions are enabled by state.
class RunControls : public QObject {
  Q_OBJECT

 public:
  explicit RunControls(MainWindow* window);

  RunController* controller() const { return controller_; }
  RunProgress* progress() const { return progress_; }
  // Run > Sessions Folder…: where new runs write their folders.
  QAction* sessionsFolderAction() const { return sessions_folder_; }

  // Runs the scenario in the editor. false when its problems (listed in a
  // box, and inline in the editor) or the folder stop it.
  bool start();
  // Closing the window during a run: asks, then stops the run and closes
  // again once its journal is complete. false: do not close now.
  bool readyToClose(QCloseEvent* event);

 private:
  void updateActions();
  void showProgress(const session::SessionProgress& p);
  void showEnd(const session::SessionProgress& p);
  void tell(const QString& title, const QString& text, const QString& details = {});
  void chooseSessionsFolder();

  MainWindow* window_;
  RunController* controller_;
  RunProgress* progress_;
  QAction* sessions_folder_;
};

// "Running", "Paused", "Finished" …: the state as the status line says it.
QString state_words(session::SessionState state);

}  // namespace lh::ui
