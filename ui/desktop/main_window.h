#pragma once

#include <QMainWindow>
#include <vector>

#include "dashboard/session_view.h"
#include "verdict/verdict_panel.h"

QT_BEGIN_NAMESPACE
class QDockWidget;
class QMenu;
QT_END_NAMESPACE

namespace lh::ui {

class DashboardPanel;
class EventsPanel;
class RecentFiles;
class RunControls;
class ScenarioDocument;
class ScenarioEditor;
class ScenarioFiles;
class SessionFeed;
class SessionFolders;
class StatusLine;
struct AppActions;

// LeakHound's main window. It only assembles and connects: the dashboard
// in the middle, the verdict, events and scenario editor in docks around
// it, the actions in menus and tool bars, the status line below. Each
// panel does its own work.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  SessionFeed* feed() const { return feed_; }
  DashboardPanel* dashboard() const { return dashboard_; }
  VerdictPanel* verdictPanel() const { return verdict_; }
  EventsPanel* eventsPanel() const { return events_; }
  const AppActions& actions() const { return *actions_; }
  RecentFiles* recentFiles() const { return recent_; }
  ScenarioDocument* document() const { return document_; }
  ScenarioEditor* editor() const { return editor_; }
  ScenarioFiles* scenarioFiles() const { return files_; }
  SessionFolders* sessionFolders() const { return sessions_; }
  StatusLine* statusLine() const { return status_; }
  RunControls* runControls() const { return run_; }

  // Shows a session's series, events and verdicts (a live run's or a
  // recorded one's).
  void showSession(SessionView view, std::vector<SeriesVerdictView> verdicts = {});

 public slots:
  void showAbout();
  // A scenario file, or a recorded session's folder: what `leakhound FILE`,
  // a dropped file and the recent files open. false when it could not (a
  // session is read in the background: its problems come in a box later).
  bool openAny(const QString& path);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createDocks();
  void createMenus();
  void connectPanels();
  void restoreSettings();
  void saveSettings() const;
  void updateTitle();
  // A passing word in the status bar; empty: clear it; 0 ms: until the next.
  void showMessage(const QString& text, int timeout_ms);

  std::unique_ptr<AppActions> actions_;
  SessionFeed* feed_;
  RecentFiles* recent_;
  DashboardPanel* dashboard_;
  VerdictPanel* verdict_;
  EventsPanel* events_;
  StatusLine* status_;
  ScenarioDocument* document_;
  ScenarioEditor* editor_;
  ScenarioFiles* files_;
  SessionFolders* sessions_;
  RunControls* run_ = nullptr;
  QDockWidget* editor_dock_ = nullptr;
  QMenu* recent_menu_ = nullptr;
  QString session_name_;
  QDockWidget* verdict_dock_ = nullptr;
  QDockWidget* events_dock_ = nullptr;
  QMenu* view_menu_ = nullptr;
};

}  // namespace lh::ui
