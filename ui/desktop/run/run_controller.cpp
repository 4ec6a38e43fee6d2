#include "run/run_controller.h"

#include <QDir>
#include <stdexcept>
#include <utility>

#include "session/session_folder.h"
#include "session/session_runner.h"
#include "shell/app_settings.h"

namespace lh::ui {

RunController::RunController(QObject* parent) : QObject(parent) {
  timer_.setInterval(std::chrono::milliseconds(250));
  connect(&timer_, &QTimer::timeout, this, &RunController::tick);
}

// A run still going on when the window goes (a test, a crash of the event
// loop): the runner's destructor stops it and waits for its threads. A
// runner still being made is waited for; its hand-over, posted to this
// object, is then dropped with it, and so is the runner, which stops.
RunController::~RunController() {
  if (maker_.joinable()) maker_.join();
}

bool RunController::start(session::SessionPlan plan, const QString& sessions_folder, QString* error) {
  if (isRunning()) {
    if (error) *error = tr("A run is going on already: stop it first");
    return false;
  }
  if (maker_.joinable()) maker_.join();  // done: its hand-over came
  const std::filesystem::path folder =
      session::new_session_folder(QDir(sessions_folder).absolutePath().toStdString(), plan.name);
  previous_folder_ = std::exchange(folder_, QString::fromStdString(folder.string()));
  starting_ = true;
  stop_when_started_ = false;
  paused_ = false;
  progress_ = {};
  verdicts_.clear();
  maker_ = std::thread([this, plan = std::move(plan), folder]() mutable {
    std::shared_ptr<session::SessionRunner> runner;
    QString failure;
    try {
      runner = std::make_shared<session::SessionRunner>(std::move(plan), session::RunOptions{.folder = folder});
      runner->start();
    } catch (const std::runtime_error& e) {
      // lh::InputError (the plan, the folder, a Locust master that does not
      // answer) or lh::RuntimeFailure (no file descriptors or memory, a
      // journal that cannot be written): one line either way.
      runner.reset();
      failure = QString::fromUtf8(e.what());
    }
    QMetaObject::invokeMethod(
        this, [this, runner = std::move(runner), failure] { adopt(runner, failure); }, Qt::QueuedConnection);
  });
  return true;
}

void RunController::adopt(std::shared_ptr<session::SessionRunner> runner, const QString& error) {
  starting_ = false;
  if (!runner) {
    folder_ = previous_folder_;
    emit startFailed(error);
    runAfterEnd();
    return;
  }
  runner_ = std::move(runner);
  progress_ = runner_->progress();
  // Still set at the next start-up, the app was killed mid-run.
  AppSettings::setUnfinishedRun(folder_);
  timer_.start();
  emit started(folder_);
  if (stop_when_started_) runner_->stop();
}

void RunController::pause() {
  if (!isRunning() || starting_ || paused_) return;
  runner_->pause();
  paused_ = true;
  emit pausedChanged(true);
}

void RunController::resume() {
  if (!isRunning() || starting_ || !paused_) return;
  runner_->resume();
  paused_ = false;
  emit pausedChanged(false);
}

void RunController::stop() {
  if (starting_) stop_when_started_ = true;
  else if (isRunning()) runner_->stop();
}

void RunController::stopThen(std::function<void()> then) {
  if (!isRunning()) {
    then();
    return;
  }
  after_end_.push_back(std::move(then));
  stop();
}

bool RunController::isRunning() const { return starting_ || (runner_ && timer_.isActive()); }
bool RunController::isPaused() const { return isRunning() && paused_; }

const session::SessionPlan* RunController::plan() const { return runner_ && !starting_ ? &runner_->plan() : nullptr; }

SessionView RunController::view() const {
  if (!runner_ || starting_) return {};
  SessionView v;
  // Aliasing: the view's store keeps the whole runner (and its threads'
  // owner) alive, not a copy of the store.
  v.store = std::shared_ptr<const probe::SeriesStore>(runner_, &runner_->store());
  v.probe_group = runner_->probe_group();
  v.load_group = runner_->load_group();
  v.memory_limit_mib = runner_->plan().probes.memory_limit_mib;
  v.live = isRunning();
  v.name = QString::fromStdString(runner_->plan().name);
  v.folder = folder_;  // what Export writes from, once the run is over
  return v;
}

void RunController::tick() {
  if (!runner_) return;
  const bool over = runner_->wait_for(std::chrono::milliseconds(0));
  progress_ = runner_->progress();
  verdicts_ = runner_->live_verdicts();
  emit progressed(progress_);
  emit verdictsChanged(verdicts_);
  if (!over) return;
  timer_.stop();
  paused_ = false;
  AppSettings::setUnfinishedRun({});
  emit ended(progress_);
  runAfterEnd();
}

void RunController::runAfterEnd() {
  for (auto& then : std::exchange(after_end_, {})) then();
}

}  // namespace lh::ui
