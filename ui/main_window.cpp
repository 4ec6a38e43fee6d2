#include "main_window.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>

#include "common/version.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(u"LeakHound"_s);
  setWindowIcon(QIcon(u":/icons/leakhound.svg"_s));
  setObjectName(u"mainWindow"_s);
  createMenus();

  auto* welcome = new QLabel(tr("<h2>LeakHound</h2><p>Load-test an HTTP service while watching its memory, "
                                "and find out whether it leaks.</p>"),
                             this);
  welcome->setAlignment(Qt::AlignCenter);
  welcome->setObjectName(u"welcome"_s);
  setCentralWidget(welcome);
  resize(1100, 720);
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about = help->addAction(tr("&About LeakHound"), this, &MainWindow::showAbout);
  about->setObjectName(u"actionAbout"_s);
  about->setMenuRole(QAction::AboutRole);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
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
