#pragma once

#include <QObject>

QT_BEGIN_NAMESPACE
class QAction;
class QActionGroup;
QT_END_NAMESPACE

namespace lh::ui {

// Every action of the main window, with its shortcut, tool tip and status
// tip, made in one place so menus, tool bars and tests find the same ones
// (by object name: "actionStart", "actionSave" …).
struct AppActions {
  explicit AppActions(QObject* owner);

  // File
  QAction* new_scenario;
  QAction* open;
  QAction* open_session;
  QAction* save;
  QAction* save_as;
  QAction* import_ab;
  QAction* export_session;
  QAction* compare;
  QAction* quit;
  // Run
  QAction* start;
  QAction* watch_only;
  QAction* pause;
  QAction* stop;
  // View
  QActionGroup* theme;
  QAction* theme_system;
  QAction* theme_light;
  QAction* theme_dark;
  // Help
  QAction* about;
  QAction* about_qt;
};

}  // namespace lh::ui
