#include "app_actions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QStyle>

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

QAction* make(QObject* owner, const QString& name, const QString& text, const QKeySequence& key,
              const QString& tip, QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
  auto* action = new QAction(text, owner);
  action->setObjectName(name);
  if (!key.isEmpty()) action->setShortcut(key);
  // The shortcut in the tool tip too: people learn them from hovering.
  const QString shortcut = key.toString(QKeySequence::NativeText);
  action->setToolTip(shortcut.isEmpty() ? tip : u"%1 (%2)"_s.arg(tip, shortcut));
  action->setStatusTip(tip);
  if (icon != QStyle::SP_CustomBase) action->setIcon(QApplication::style()->standardIcon(icon));
  return action;
}

}  // namespace

AppActions::AppActions(QObject* owner) {
  const auto tr = [](const char* text) { return QObject::tr(text); };
  new_scenario = make(owner, u"actionNew"_s, tr("&New Scenario"), QKeySequence::New,
                      tr("Start a new scenario from scratch"), QStyle::SP_FileIcon);
  open = make(owner, u"actionOpen"_s, tr("&Open…"), QKeySequence::Open,
              tr("Open a scenario file (.leakhound.json)"), QStyle::SP_DialogOpenButton);
  open_session = make(owner, u"actionOpenSession"_s, tr("Open &Session Folder…"), QKeySequence(u"Ctrl+Shift+O"_s),
                      tr("Open a recorded session folder, including one cut short by a crash"),
                      QStyle::SP_DirOpenIcon);
  save = make(owner, u"actionSave"_s, tr("&Save"), QKeySequence::Save, tr("Save the scenario"),
              QStyle::SP_DialogSaveButton);
  save_as = make(owner, u"actionSaveAs"_s, tr("Save &As…"), QKeySequence::SaveAs,
                 tr("Save the scenario under another name"));
  import_ab = make(owner, u"actionImportAb"_s, tr("&Import ab Command…"), QKeySequence(u"Ctrl+I"_s),
                   tr("Paste an ab command line and turn it into a scenario"));
  export_session = make(owner, u"actionExport"_s, tr("&Export…"), QKeySequence(u"Ctrl+E"_s),
                        tr("Write the session's PDF report, CSV files and summary JSON into a folder"));
  compare = make(owner, u"actionCompare"_s, tr("&Compare Sessions…"), QKeySequence(u"Ctrl+Shift+C"_s),
                 tr("Overlay two sessions' memory, before and after a fix"));
  quit = make(owner, u"actionQuit"_s, tr("&Quit"), QKeySequence::Quit, tr("Quit LeakHound"));
  quit->setMenuRole(QAction::QuitRole);

  start = make(owner, u"actionStart"_s, tr("&Start"), QKeySequence(Qt::Key_F5),
               tr("Run the scenario: send its load and sample the service's memory"), QStyle::SP_MediaPlay);
  watch_only = make(owner, u"actionWatchOnly"_s, tr("&Watch Only"), QKeySequence(Qt::CTRL | Qt::Key_F5),
                    tr("Run the scenario's probes without its load, while the traffic comes from elsewhere"),
                    QStyle::SP_FileDialogContentsView);
  pause = make(owner, u"actionPause"_s, tr("&Pause"), QKeySequence(Qt::Key_F6),
               tr("Pause the load (probes keep sampling); again to resume"), QStyle::SP_MediaPause);
  pause->setCheckable(true);
  stop = make(owner, u"actionStop"_s, tr("S&top"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
              tr("End the run now and keep what it recorded"), QStyle::SP_MediaStop);

  theme = new QActionGroup(owner);
  theme_system = make(owner, u"actionThemeSystem"_s, tr("&System Colours"), {}, tr("Follow the desktop's colours"));
  theme_light = make(owner, u"actionThemeLight"_s, tr("&Light"), {}, tr("LeakHound's light palette"));
  theme_dark = make(owner, u"actionThemeDark"_s, tr("&Dark"), {}, tr("LeakHound's dark palette"));
  for (QAction* a : {theme_system, theme_light, theme_dark}) {
    a->setCheckable(true);
    theme->addAction(a);
  }

  about = make(owner, u"actionAbout"_s, tr("&About LeakHound"), {}, tr("Version and project page"));
  about->setMenuRole(QAction::AboutRole);
  about_qt = make(owner, u"actionAboutQt"_s, tr("About &Qt"), {}, tr("The Qt version LeakHound runs on"));
  about_qt->setMenuRole(QAction::AboutQtRole);
}

}  // namespace lh::ui
