#include "shell/recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>

#include "shell/app_settings.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

RecentFiles::RecentFiles(QObject* parent) : QObject(parent), paths_(AppSettings::recentFiles()) {
  while (paths_.size() > kMax) paths_.removeLast();
}

void RecentFiles::add(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  paths_.removeAll(absolute);
  paths_.prepend(absolute);
  while (paths_.size() > kMax) paths_.removeLast();
  save();
}

void RecentFiles::remove(const QString& path) {
  if (paths_.removeAll(QFileInfo(path).absoluteFilePath()) > 0) save();
}

void RecentFiles::clear() {
  paths_.clear();
  save();
}

void RecentFiles::save() {
  AppSettings::setRecentFiles(paths_);
  emit changed();
}

void RecentFiles::fillMenu(QMenu* menu) {
  menu->clear();
  int n = 0;
  for (const QString& path : paths_) {
    ++n;
    const QString shown = QDir::toNativeSeparators(path);
    const QString text = n <= 9 ? u"&%1  %2"_s.arg(n).arg(shown) : shown;
    QAction* action = menu->addAction(text);
    action->setData(path);
    action->setToolTip(shown);
    connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
  }
  if (paths_.isEmpty()) menu->addAction(tr("No recent files"))->setEnabled(false);
  menu->addSeparator();
  QAction* clear_action = menu->addAction(tr("&Clear the list"));
  clear_action->setEnabled(!paths_.isEmpty());
  connect(clear_action, &QAction::triggered, this, &RecentFiles::clear);
}

}  // namespace lh::ui
