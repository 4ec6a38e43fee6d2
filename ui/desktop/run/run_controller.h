#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "dashboard/session_view.h"
#include "session/analysed_series.h"
#include "session/session_plan.h"
#include "session/session_progress.h"

namespace lh::session {
class SessionRunner;
}

namespace lh::ui {

// One live run of the desktop app: a core/session SessionRunner, started,
// paused, resumed and stopped from the GUI thread, and looked at on a
// timer (about 4 Hz): each tick hands out the progress and the live
// verdicts, and the tick that finds the session over says it ended. No
// call ever waits for the runner's threads: stop() only asks, and the end
// is noticed by polling wait_for(0).
//
// Making the runner may wait on the network (attaching to a Locust master
// asks it for its statistics first, up to 5 s), so it is made on a thread
// of its own: start() returns at once, and started() or startFailed()
// follows on the GUI thread. Stop during that time is kept for the runner.
//
// The runner is shared with the live SessionView (its store), so the
// dashboard keeps the run's series as long as it shows them.
class RunController : public QObject {
  Q_OBJECT

 public:
  explicit RunController(QObject* parent = nullptr);
  ~RunController() override;

  // Starts `plan` in a new session folder under `sessions_folder`: true
  // when it is under way, then started() or startFailed() (the folder
  // cannot be made, the plan is refused, no Locust master answers). false
  // (and `error`) when a run is going on: it is never replaced.
  bool start(session::SessionPlan plan, const QString& sessions_folder, QString* error = nullptr);
  void pause();
  void resume();
  // Asks the run to end; ended() follows within a tick or two.
  void stop();
  // Stops the run (if any) and calls `then` on the GUI thread once its
  // journal is complete: closing the window, quitting after a screenshot.
  void stopThen(std::function<void()> then);

  // Started (or starting) and not over yet (paused counts as running).
  bool isRunning() const;
  // start() was called and its runner is still being made.
  bool isStarting() const { return starting_; }
  bool isPaused() const;
  // The last run's (or this run's) folder; empty before the first run.
  QString folder() const { return folder_; }
  const session::SessionProgress& progress() const { return progress_; }
  const std::vector<session::SeriesVerdict>& verdicts() const { return verdicts_; }
  // The run's series for the dashboard, events and verdict: live until it ends.
  SessionView view() const;
  // The plan of the run going on (or the last), once its runner is made; null before.
  const session::SessionPlan* plan() const;

  void setInterval(std::chrono::milliseconds interval) { timer_.setInterval(interval); }

 signals:
  void started(const QString& folder);
  // The run could not start: `error`, one line; nothing runs.
  void startFailed(const QString& error);
  // Every tick while the run goes on, and once more at its end.
  void progressed(const lh::session::SessionProgress& progress);
  void verdictsChanged(const std::vector<lh::session::SeriesVerdict>& verdicts);
  void pausedChanged(bool paused);
  // The session is over (finished, stopped, unreachable or failed) and its
  // journal complete in folder().
  void ended(const lh::session::SessionProgress& progress);

 private:
  void tick();
  // On the GUI thread, once the maker thread is done: `runner` running, or `error`.
  void adopt(std::shared_ptr<session::SessionRunner> runner, const QString& error);
  void runAfterEnd();

  std::shared_ptr<session::SessionRunner> runner_;
  std::thread maker_;
  bool starting_ = false;
  bool stop_when_started_ = false;
  QString previous_folder_;
  QTimer timer_;
  QString folder_;
  bool paused_ = false;
  session::SessionProgress progress_;
  std::vector<session::SeriesVerdict> verdicts_;
  std::vector<std::function<void()>> after_end_;
};

}  // namespace lh::ui
