#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

#include "app_actions.h"
#include "common/version.h"
#include "dashboard/dashboard_panel.h"
#include "dashboard/session_feed.h"
#include "editor/scenario_document.h"
#include "editor/scenario_editor.h"
#include "editor/scenario_files.h"
#include "events/events_panel.h"
#include "session/journal_records.h"
#include "sessions/session_folders.h"
#include "run/run_controls.h"
#include "run/run_progress.h"
#include "shell/app_settings.h"
#include "shell/recent_files.h"
#include "shell/status_line.h"
#include "shell/theme.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), actions_(std::make_unique<AppActions>(this)), feed_(new SessionFeed(this)),
      recent_(new RecentFiles(this)) {
  setWindowTitle(u"LeakHound"_s);
  setWindowIcon(QIcon(u":/icons/leakhound.svg"_s));
  setObjectName(u"mainWindow"_s);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

  dashboard_ = new DashboardPanel(feed_, this);
  setCentralWidget(dashboard_);
  verdict_ = new VerdictPanel;
  events_ = new EventsPanel(feed_);
  status_ = new StatusLine(statusBar());
  document_ = new ScenarioDocument(this);
  document_->newScenario(AppSettings::lastFolder(AppSettings::Folder::scenarios));
  editor_ = new ScenarioEditor(document_);
  files_ = new ScenarioFiles(document_, recent_, this);
  sessions_ = new SessionFolders(*actions_, feed_, recent_, this);
  run_ = new RunControls(*actions_, document_, this);
  statusBar()->insertPermanentWidget(0, run_->progress());
  setAcceptDrops(true);

  createDocks();
  createMenus();
  connectPanels();
  resize(1280, 800);
  restoreSettings();
  updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks() {
  editor_dock_ = new QDockWidget(tr("Scenario"), this);
  editor_dock_->setObjectName(u"scenarioDock"_s);
  editor_dock_->setWidget(editor_);
  addDockWidget(Qt::LeftDockWidgetArea, editor_dock_);

  verdict_dock_ = new QDockWidget(tr("Verdict"), this);
  verdict_dock_->setObjectName(u"verdictDock"_s);
  verdict_dock_->setWidget(verdict_);
  addDockWidget(Qt::RightDockWidgetArea, verdict_dock_);

  events_dock_ = new QDockWidget(tr("Events"), this);
  events_dock_->setObjectName(u"eventsDock"_s);
  events_dock_->setWidget(events_);
  addDockWidget(Qt::BottomDockWidgetArea, events_dock_);
  resizeDocks({editor_dock_, verdict_dock_}, {430, 340}, Qt::Horizontal);
  resizeDocks({events_dock_}, {170}, Qt::Vertical);
}

void MainWindow::createMenus() {
  const AppActions& a = *actions_;
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addActions({a.new_scenario, a.open, a.open_session});
  recent_menu_ = file->addMenu(tr("Open &Recent"));
  recent_menu_->setObjectName(u"recentMenu"_s);
  connect(recent_menu_, &QMenu::aboutToShow, this, [this] { recent_->fillMenu(recent_menu_); });
  connect(recent_, &RecentFiles::openRequested, this, &MainWindow::openAny);
  file->addActions({a.save, a.save_as});
  file->addSeparator();
  file->addAction(a.import_ab);
  file->addSeparator();
  file->addActions({a.export_session, a.compare});
  file->addSeparator();
  file->addAction(a.quit);
  connect(a.new_scenario, &QAction::triggered, files_, &ScenarioFiles::newScenario);
  connect(a.open, &QAction::triggered, files_, &ScenarioFiles::open);
  connect(a.save, &QAction::triggered, files_, &ScenarioFiles::save);
  connect(a.save_as, &QAction::triggered, files_, &ScenarioFiles::saveAs);
  connect(a.import_ab, &QAction::triggered, files_, [this] { files_->importAb(); });
  connect(a.quit, &QAction::triggered, this, &QWidget::close);

  QToolBar* files_bar = addToolBar(tr("File"));
  files_bar->setObjectName(u"fileToolBar"_s);
  files_bar->addActions({a.new_scenario, a.open, a.save});

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  run->addActions({a.start, a.watch_only, a.pause, a.stop});
  run->addSeparator();
  run->addAction(run_->sessionsFolderAction());
  QToolBar* run_bar = addToolBar(tr("Run"));
  run_bar->setObjectName(u"runToolBar"_s);
  run_bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  run_bar->addActions({a.start, a.watch_only, a.pause, a.stop});

  view_menu_ = menuBar()->addMenu(tr("&View"));
  view_menu_->addActions(dashboard_->viewActions());
  view_menu_->addSeparator();
  view_menu_->addAction(editor_dock_->toggleViewAction());
  view_menu_->addAction(verdict_dock_->toggleViewAction());
  view_menu_->addAction(events_dock_->toggleViewAction());
  view_menu_->addSeparator();
  QMenu* theme = view_menu_->addMenu(tr("&Colours"));
  theme->addActions(a.theme->actions());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(a.about);
  help->addAction(a.about_qt);
  connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
  connect(a.about_qt, &QAction::triggered, qApp, &QApplication::aboutQt);

  const std::pair<QAction*, Theme> themes[] = {
      {a.theme_system, Theme::system}, {a.theme_light, Theme::light}, {a.theme_dark, Theme::dark}};
  for (const auto& [action, theme_value] : themes) {
    connect(action, &QAction::triggered, this, [theme_value] {
      apply_theme(theme_value);
      AppSettings::setTheme(theme_value);
    });
  }
}

void MainWindow::connectPanels() {
  connect(events_, &EventsPanel::timeSelected, dashboard_, &DashboardPanel::showTime);
  connect(verdict_, &VerdictPanel::verdictChanged, status_, &StatusLine::setVerdict);
  connect(files_, &ScenarioFiles::message, this, [this](const QString& text) { showMessage(text, 5000); });

  connect(run_, &RunControls::sessionStarted, this, [this](const SessionView& view) {
    editor_->setRunning(true);
    showSession(view);
  });
  connect(run_, &RunControls::progressed, status_, &StatusLine::showProgress);
  connect(run_, &RunControls::verdictsChanged, verdict_, &VerdictPanel::setVerdicts);
  connect(run_, &RunControls::verdictsCleared, verdict_, &VerdictPanel::clear);
  connect(run_, &RunControls::runEnded, this, [this] {
    editor_->setRunning(false);
    feed_->poll();
    feed_->setLive(false);
  });
  connect(run_, &RunControls::message, this, &MainWindow::showMessage);
  connect(run_, &RunControls::closeRequested, this, &QWidget::close);

  connect(sessions_, &SessionFolders::showRequested, this, &MainWindow::showSession);
  connect(sessions_, &SessionFolders::message, this, &MainWindow::showMessage);
  connect(document_, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
  connect(document_, &ScenarioDocument::pathChanged, this, &MainWindow::updateTitle);
}

void MainWindow::showSession(SessionView view, std::vector<SeriesVerdictView> verdicts) {
  const bool live = view.live;
  const QString name = view.name;
  const QString ended = view.ended;
  feed_->bind(std::move(view));
  if (verdicts.empty()) {
    verdict_->clear(live ? tr("Waiting for enough samples for a verdict") : tr("No memory series to judge"));
    status_->clearVerdict();
  } else {
    verdict_->setVerdicts(std::move(verdicts), live);
  }
  if (!ended.isEmpty()) status_->setState(ended);
  session_name_ = name;
  updateTitle();
}

void MainWindow::showMessage(const QString& text, int timeout_ms) {
  if (text.isEmpty()) statusBar()->clearMessage();
  else statusBar()->showMessage(text, timeout_ms);
}

void MainWindow::updateTitle() {
  // "[*]" is where Qt puts the unsaved-changes mark.
  const QString scenario = document_->displayName() + u"[*]"_s;
  setWindowTitle(session_name_.isEmpty() ? tr("%1 — LeakHound").arg(scenario)
                                         : tr("%1 — %2 — LeakHound").arg(session_name_, scenario));
  setWindowModified(document_->isModified());
}

bool MainWindow::openAny(const QString& path) {
  const QFileInfo info(path);
  if (info.isDir() || info.fileName() == QString::fromUtf8(session::journal::kFileName)) {
    sessions_->open(path);
    return true;
  }
  return files_->openPath(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.size() == 1 && urls.front().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.size() != 1 || !urls.front().isLocalFile()) return;
  event->acceptProposedAction();
  // After the drop returns: opening may ask about unsaved changes.
  QTimer::singleShot(0, this, [this, path = urls.front().toLocalFile()] { openAny(path); });
}

void MainWindow::restoreSettings() {
  restoreGeometry(AppSettings::windowGeometry());
  restoreState(AppSettings::windowState());
  dashboard_->restoreState(AppSettings::dashboardState());
  dashboard_->setExtraSeriesNames(AppSettings::extraSeries());
  editor_->restoreState(AppSettings::editorState());
  const Theme theme = AppSettings::theme();
  (theme == Theme::dark ? actions_->theme_dark : theme == Theme::light ? actions_->theme_light : actions_->theme_system)
      ->setChecked(true);
}

void MainWindow::saveSettings() const {
  AppSettings::setWindowGeometry(saveGeometry());
  AppSettings::setWindowState(saveState());
  AppSettings::setDashboardState(dashboard_->saveState());
  AppSettings::setExtraSeries(dashboard_->extraSeriesNames());
  AppSettings::setEditorState(editor_->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!run_->readyToClose(event)) return;
  if (!files_->maybeSave()) {
    event->ignore();
    return;
  }
  saveSettings();
  event->accept();
}

void MainWindow::showAbout() {
  QMessageBox box(this);
  box.setWindowTitle(tr("About LeakHound"));
  box.setIconPixmap(windowIcon().pixmap(96, 96));
  box.setTextFormat(Qt::RichText);
  box.setText(tr("<h3>LeakHound %1</h3>"
                 "<p>Runs load against an HTTP service, samples the service's own memory and CPU on the same "
                 "clock, graphs them live, and flags a sustained upward slope as a suspected leak.</p>"
                 "<p><a href=\"%2\">%2</a></p>")
                  .arg(QString::fromUtf8(lh::kVersion), QString::fromUtf8(lh::kProjectUrl)));
  box.setObjectName(u"aboutBox"_s);
  box.exec();
}

}  // namespace lh::ui
