#include "run/run_controls.h"

#include <QAbstractButton>
#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <cmath>

#include "analysis/amounts.h"
#include "app_actions.h"
#include "dashboard/session_feed.h"
#include "editor/scenario_document.h"
#include "main_window.h"
#include "run/run_controller.h"
#include "run/run_progress.h"
#include "run/verdict_views.h"
#include "shell/app_settings.h"
#include "shell/status_line.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using session::SessionState;

namespace {

// At most this many of a scenario's problems in the box (all are inline).
constexpr int kProblemsListed = 12;

}  // namespace

QString state_words(SessionState state) {
  switch (state) {
    case SessionState::ready: return RunControls::tr("Ready");
    case SessionState::running: return RunControls::tr("Running");
    case SessionState::paused: return RunControls::tr("Paused");
    case SessionState::finished: return RunControls::tr("Finished");
    case SessionState::stopped: return RunControls::tr("Stopped");
    case SessionState::unreachable: return RunControls::tr("Target unreachable");
    case SessionState::failed: break;
  }
  return RunControls::tr("Failed");
}

RunControls::RunControls(MainWindow* window)
    : QObject(window), window_(window), controller_(new RunController(this)), progress_(new RunProgress) {
  window_->statusBar()->insertPermanentWidget(0, progress_);
  const AppActions& a = window_->actions();
  connect(a.start, &QAction::triggered, this, &RunControls::start);
  connect(a.pause, &QAction::toggled, this, [this](bool paused) {
    if (paused) controller_->pause();
    else controller_->resume();
  });
  connect(a.stop, &QAction::triggered, controller_, &RunController::stop);

  connect(controller_, &RunController::progressed, this, &RunControls::showProgress);
  connect(controller_, &RunController::verdictsChanged, this, [this](const auto& verdicts) {
    if (!verdicts.empty()) window_->verdictPanel()->setVerdicts(verdict_views(verdicts), controller_->isRunning());
  });
  connect(controller_, &RunController::pausedChanged, this, &RunControls::updateActions);
  connect(controller_, &RunController::ended, this, &RunControls::showEnd);

  sessions_folder_ = new QAction(tr("Sessions &Folder…"), this);
  sessions_folder_->setObjectName(u"actionSessionsFolder"_s);
  sessions_folder_->setStatusTip(tr("Choose the folder new runs write their session folders into"));
  connect(sessions_folder_, &QAction::triggered, this, &RunControls::chooseSessionsFolder);
  updateActions();
}

void RunControls::chooseSessionsFolder() {
  const QString folder = QFileDialog::getExistingDirectory(window_, tr("Where Runs Write Their Sessions"),
                                                           AppSettings::runsFolder());
  if (folder.isEmpty()) return;
  AppSettings::setRunsFolder(folder);
  window_->statusBar()->showMessage(tr("New runs go to %1").arg(QDir::toNativeSeparators(folder)), 5000);
}

bool RunControls::start() {
  if (controller_->isRunning()) return false;
  ScenarioDocument* document = window_->document();
  scenario::Problems problems;
  std::optional<session::SessionPlan> plan = document->plan(&problems);
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
  const std::optional<std::uint64_t> count = plan->load.count;
  QString error;
  if (!controller_->start(std::move(*plan), AppSettings::runsFolder(), &error)) {
    tell(tr("The run could not start"), error);
    return false;
  }
  progress_->begin(count);
  window_->showSession(controller_->view());
  window_->statusBar()->showMessage(tr("Recording into %1").arg(QDir::toNativeSeparators(controller_->folder())), 5000);
  showProgress(controller_->progress());
  updateActions();
  return true;
}

bool RunControls::readyToClose(QCloseEvent* event) {
  if (!controller_->isRunning()) return true;
  QMessageBox box(QMessageBox::Question, tr("A run is going on"),
                  tr("Stop the run and close LeakHound? What it recorded so far stays in %1.")
                      .arg(QDir::toNativeSeparators(controller_->folder())),
                  QMessageBox::Yes | QMessageBox::Cancel, window_);
  box.setObjectName(u"stopRunBox"_s);
  box.button(QMessageBox::Yes)->setText(tr("Stop and Close"));
  event->ignore();
  if (box.exec() != QMessageBox::Yes) return false;
  // Closes again once the journal ends whole, without blocking meanwhile.
  window_->statusBar()->showMessage(tr("Stopping the run…"));
  controller_->stopThen([window = QPointer<MainWindow>(window_)] {
    if (window) window->close();
  });
  return false;
}

void RunControls::updateActions() {
  const AppActions& a = window_->actions();
  const bool running = controller_->isRunning();
  a.start->setEnabled(!running);
  a.pause->setEnabled(running);
  a.stop->setEnabled(running);
  const QSignalBlocker block(a.pause);
  a.pause->setChecked(controller_->isPaused());
}

void RunControls::showProgress(const session::SessionProgress& p) {
  progress_->setProgress(p);
  StatusLine* status = window_->statusLine();
  status->setState(state_words(p.state));
  status->setLoad(tr("%L1 req/s · %L2 errors · p50 %L3 ms · p99 %L4 ms")
                      .arg(std::lround(p.requests_per_second))
                      .arg(p.errors)
                      .arg(p.p50_ms, 0, 'f', 1)
                      .arg(p.p99_ms, 0, 'f', 1));
  if (!p.watched_series.empty()) {
    const QString value = std::isfinite(p.watched_value)
                              ? QString::fromStdString(analysis::format_amount(p.watched_value, p.watched_unit))
                              : tr("no answer");
    status->setMemory(u"%1 %2"_s.arg(QString::fromStdString(p.watched_series), value));
  }
}

void RunControls::showEnd(const session::SessionProgress& p) {
  // The last rows, then the charts stop polling; the verdicts are final.
  window_->feed()->poll();
  window_->feed()->setLive(false);
  const auto& verdicts = controller_->verdicts();
  if (!verdicts.empty()) {
    window_->verdictPanel()->setVerdicts(verdict_views(verdicts), false);
  } else {
    window_->verdictPanel()->clear(tr("No memory series to judge: the probes found none"));
  }
  updateActions();
  const QString folder = QDir::toNativeSeparators(controller_->folder());
  const QString where = tr("%1 — the session is in %2").arg(state_words(p.state), folder);
  window_->statusBar()->showMessage(where);
  if (p.state == SessionState::unreachable) {
    tell(tr("The target was unreachable"),
         tr("The load's first requests found no server, so nothing was tested: %1")
             .arg(QString::fromStdString(p.error.empty() ? "no connection" : p.error)));
  } else if (p.state == SessionState::failed) {
    tell(tr("The run failed"), tr("%1\n\nWhat was recorded up to then is in %2.").arg(QString::fromStdString(p.error), folder));
  }
}

// A box that does not block: a run's ticks go on while it shows.
void RunControls::tell(const QString& title, const QString& text, const QString& details) {
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, window_);
  box->setObjectName(u"runMessageBox"_s);
  box->setAttribute(Qt::WA_DeleteOnClose);
  if (!details.isEmpty()) box->setInformativeText(details);
  box->open();
}

}  // namespace lh::ui
