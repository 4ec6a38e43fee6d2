#include "run/run_controls.h"

#include <QAbstractButton>
#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

#include "app_actions.h"
#include "editor/scenario_document.h"
#include "run/run_controller.h"
#include "run/run_progress.h"
#include "run/verdict_views.h"
#include "shell/app_settings.h"
#include "shell/status_line.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

// At most this many of a scenario's problems in the box (all are inline).
constexpr int kProblemsListed = 12;

}  // namespace

RunControls::RunControls(const AppActions& actions, ScenarioDocument* document, QWidget* dialogs)
    : QObject(dialogs), actions_(actions), document_(document), dialogs_(dialogs),
      controller_(new RunController(this)), progress_(new RunProgress) {
  connect(actions_.start, &QAction::triggered, this, [this] { start(); });
  connect(actions_.watch_only, &QAction::triggered, this, [this] { start(true); });
  connect(actions_.pause, &QAction::toggled, this, [this](bool paused) {
    if (paused) controller_->pause();
    else controller_->resume();
  });
  connect(actions_.stop, &QAction::triggered, controller_, &RunController::stop);

  connect(controller_, &RunController::progressed, this, [this](const session::SessionProgress& p) {
    progress_->setProgress(p);
    emit progressed(p);
  });
  connect(controller_, &RunController::verdictsChanged, this, [this](const auto& verdicts) {
    if (!verdicts.empty()) emit verdictsChanged(verdict_views(verdicts), controller_->isRunning());
  });
  connect(controller_, &RunController::pausedChanged, this, &RunControls::updateActions);
  connect(controller_, &RunController::started, this, &RunControls::showStart);
  connect(controller_, &RunController::startFailed, this, &RunControls::showStartFailed);
  connect(controller_, &RunController::ended, this, &RunControls::showEnd);

  sessions_folder_ = new QAction(tr("Sessions &Folder…"), this);
  sessions_folder_->setObjectName(u"actionSessionsFolder"_s);
  sessions_folder_->setStatusTip(tr("Choose the folder new runs write their session folders into"));
  connect(sessions_folder_, &QAction::triggered, this, &RunControls::chooseSessionsFolder);
  updateActions();
}

void RunControls::chooseSessionsFolder() {
  const QString folder = QFileDialog::getExistingDirectory(dialogs_, tr("Where Runs Write Their Sessions"),
                                                           AppSettings::runsFolder());
  if (folder.isEmpty()) return;
  AppSettings::setRunsFolder(folder);
  emit message(tr("New runs go to %1").arg(QDir::toNativeSeparators(folder)), 5000);
}

bool RunControls::start(bool watch_only) {
  if (controller_->isRunning()) return false;
  scenario::Problems problems;
  std::optional<session::SessionPlan> plan = document_->plan(&problems, watch_only);
  if (!plan) {
    QStringList lines;
    for (const auto& p : problems) {
      if (lines.size() == kProblemsListed) {
        lines << tr("… and %n more", nullptr, static_cast<int>(problems.size()) - kProblemsListed);
        break;
      }
      lines << QString::fromStdString(p.text());
    }
    tell(tr("The scenario cannot run yet"),
         tr("Fix %n problem(s) first; each is also shown next to its field in the editor.", nullptr,
            static_cast<int>(problems.size())),
         lines.join(u'\n'));
    return false;
  }
  QString error;
  if (!controller_->start(std::move(*plan), AppSettings::runsFolder(), &error)) {
    tell(tr("The run could not start"), error);
    return false;
  }
  // Until the runner is made (attaching to a Locust master asks it first): started() or startFailed().
  emit message(tr("Starting the run…"), 0);
  updateActions();
  return true;
}

void RunControls::showStart() {
  const session::SessionPlan* plan = controller_->plan();
  progress_->begin(plan && plan->load ? plan->load->count : std::nullopt);
  emit sessionStarted(controller_->view());
  emit message(tr("Recording into %1").arg(QDir::toNativeSeparators(controller_->folder())), 5000);
  progress_->setProgress(controller_->progress());
  emit progressed(controller_->progress());
  updateActions();
}

void RunControls::showStartFailed(const QString& error) {
  emit message({}, 0);
  tell(tr("The run could not start"), error);
  updateActions();
}

bool RunControls::readyToClose(QCloseEvent* event) {
  if (!controller_->isRunning()) return true;
  QMessageBox box(QMessageBox::Question, tr("A run is going on"),
                  tr("Stop the run and close LeakHound? What it recorded so far stays in %1.")
                      .arg(QDir::toNativeSeparators(controller_->folder())),
                  QMessageBox::Yes | QMessageBox::Cancel, dialogs_);
  box.setObjectName(u"stopRunBox"_s);
  box.button(QMessageBox::Yes)->setText(tr("Stop and Close"));
  event->ignore();
  if (box.exec() != QMessageBox::Yes) return false;
  // Closes again once the journal ends whole, without blocking meanwhile.
  emit message(tr("Stopping the run…"), 0);
  controller_->stopThen([this] { emit closeRequested(); });
  return false;
}

void RunControls::updateActions() {
  const bool running = controller_->isRunning();
  actions_.start->setEnabled(!running);
  actions_.watch_only->setEnabled(!running);
  // Pause holds the load back; a session without one has nothing to pause.
  const session::SessionPlan* plan = controller_->plan();
  actions_.pause->setEnabled(running && plan && plan->load);
  actions_.stop->setEnabled(running);
  const QSignalBlocker block(actions_.pause);
  actions_.pause->setChecked(controller_->isPaused());
}

void RunControls::showEnd(const session::SessionProgress& p) {
  // The last rows, then the charts stop following; the verdicts are final.
  emit runEnded();
  const auto& verdicts = controller_->verdicts();
  if (!verdicts.empty()) {
    emit verdictsChanged(verdict_views(verdicts), false);
  } else {
    emit verdictsCleared(tr("No memory series to judge: the probes found none"));
  }
  updateActions();
  const QString folder = QDir::toNativeSeparators(controller_->folder());
  emit message(tr("%1 — the session is in %2").arg(state_words(p.state), folder), 0);
  if (p.state == session::SessionState::unreachable) {
    tell(tr("The target was unreachable"),
         tr("The load's first requests found no server, so nothing was tested: %1")
             .arg(QString::fromStdString(p.error.empty() ? "no connection" : p.error)));
  } else if (p.state == session::SessionState::failed) {
    tell(tr("The run failed"), tr("%1\n\nWhat was recorded up to then is in %2.").arg(QString::fromStdString(p.error), folder));
  }
}

// A box that does not block: a run's ticks go on while it shows.
void RunControls::tell(const QString& title, const QString& text, const QString& details) {
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, dialogs_);
  box->setObjectName(u"runMessageBox"_s);
  box->setAttribute(Qt::WA_DeleteOnClose);
  if (!details.isEmpty()) box->setInformativeText(details);
  box->open();
}

}  // namespace lh::ui
