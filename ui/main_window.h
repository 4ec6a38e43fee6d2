#pragma once

#include <QMainWindow>

namespace lh::ui {

// LeakHound's main window: menus, About box, and the panels that later
// issues add (scenario editor, live dashboard, verdict, events).
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

 public slots:
  void showAbout();

 private:
  void createMenus();
};

}  // namespace lh::ui
