#include "run/run_controller.h"

#include <QDir>
#include <stdexcept>

#include "session/session_folder.h"
#include "session/session_runner.h"
#include "shell/app_settings.h"

namespace lh::ui {

RunController::RunController(QObject* parent) : QObject(parent) {
  timer_.setInterval(std::chrono::milliseconds(250));
  connect(&timer_, &QTimer::timeout, this, &RunController::tick);
}

// A run still going on when the window goes (a test, a crash of the event
// loop): the runner's destructor stops it and waits for its threads.
RunController::~RunController() = default;

bool RunController::start(session::SessionPlan plan, const QString& sessions_folder, QString* error) {
  if (isRunning()) {
    if (error) *error = tr("A run is going on already: stop it first");
    return false;
  }
  const std::filesystem::path folder =
      session::new_session_folder(QDir(sessions_folder).absolutePath().toStdString(), plan.name);
  std::shared_ptr<session::SessionRunner> runner;
  try {
    runner = std::make_shared<session::SessionRunner>(std::move(plan), session::RunOptions{.folder = folder});
    runner->start();
  } catch (const std::runtime_error& e) {
    // lh::InputError (the plan, the folder) or lh::RuntimeFailure (no file
    // descriptors or memory, a journal that cannot be written): one line either way.
    if (error) *error = QString::fromUtf8(e.what());
    return false;
  }
  runner_ = std::move(runner);
  folder_ = QString::fromStdString(folder.string());
  paused_ = false;
  progress_ = runner_->progress();
  verdicts_.clear();
  // Still set at the next start-up, the app was killed mid-run.
  AppSettings::setUnfinishedRun(folder_);
  timer_.start();
  emit started(folder_);
  return true;
}

void RunController::pause() {
  if (!isRunning() || paused_) return;
  runner_->pause();
  paused_ = true;
  emit pausedChanged(true);
}

void RunController::resume() {
  if (!isRunning() || !paused_) return;
  runner_->resume();
  paused_ = false;
  emit pausedChanged(false);
}

void RunController::stop() {
  if (isRunning()) runner_->stop();
}

void RunController::stopThen(std::function<void()> then) {
  if (!isRunning()) {
    then();
    return;
  }
  after_end_.push_back(std::move(then));
  stop();
}

bool RunController::isRunning() const { return runner_ && timer_.isActive(); }
bool RunController::isPaused() const { return isRunning() && paused_; }

SessionView RunController::view() const {
  if (!runner_) return {};
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
  for (auto& then : std::exchange(after_end_, {})) then();
}

}  // namespace lh::ui
