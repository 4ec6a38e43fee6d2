#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "dashboard/session_view.h"
#include "session/session_progress.h"
#include "verdict/verdict_panel.h"

QT_BEGIN_NAMESPACE
class QAction;
class QCloseEvent;
class QWidget;
QT_END_NAMESPACE

namespace lh::ui {

class RunController;
class RunProgress;
class ScenarioDocument;
struct AppActions;

// The Run menu's work: Start (F5) resolves the scenario being edited (its
// problems shown, nothing run), starts a RunController in a new folder
// under the sessions folder; Pause and Stop follow, enabled by state. It
// knows nothing of the window: what it has to show goes out as signals
// (the main window connects them to the dashboard, the verdict panel and
// the status bar), and its boxes open over `dialogs`.
class RunControls : public QObject {
  Q_OBJECT

 public:
  RunControls(const AppActions& actions, ScenarioDocument* document, QWidget* dialogs);

  RunController* controller() const { return controller_; }
  // The progress bar, for the status bar.
  RunProgress* progress() const { return progress_; }
  // Run > Sessions Folder…: where new runs write their folders.
  QAction* sessionsFolderAction() const { return sessions_folder_; }

  // Runs the scenario in the editor. false when its problems (listed in a
  // box, and inline in the editor) stop it; true when the run is starting,
  // and a box follows if it cannot (the folder, a Locust master that does
  // not answer). `watch_only`: its probes without its load (Run > Watch
  // Only), until Stop or the scenario's probes.duration.
  bool start(bool watch_only = false);
  // Closing the window during a run: asks, then stops the run and asks for
  // the close again (closeRequested) once its journal is complete. false:
  // do not close now.
  bool readyToClose(QCloseEvent* event);

 signals:
  // A run began: show it live.
  void sessionStarted(const lh::ui::SessionView& view);
  // Its state, load and watched memory at each tick (≈4 Hz).
  void progressed(const lh::session::SessionProgress& progress);
  void verdictsChanged(const std::vector<lh::ui::SeriesVerdictView>& verdicts, bool live);
  void verdictsCleared(const QString& why);
  // The run is over: its last rows are in the store; the views stop following.
  void runEnded();
  // A passing word for the status bar; 0: until the next one.
  void message(const QString& text, int timeout_ms);
  // The run stopped for a close asked for during it: close now.
  void closeRequested();

 private:
  void updateActions();
  void showStart();
  void showStartFailed(const QString& error);
  void showEnd(const session::SessionProgress& p);
  void tell(const QString& title, const QString& text, const QString& details = {});
  void chooseSessionsFolder();

  const AppActions& actions_;
  ScenarioDocument* document_;
  QWidget* dialogs_;
  RunController* controller_;
  RunProgress* progress_;
  QAction* sessions_folder_;
};

}  // namespace lh::ui
