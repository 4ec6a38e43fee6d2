#include "editor/scenario_files.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include "editor/import_ab_dialog.h"
#include "editor/scenario_document.h"
#include "scenario/scenario.h"
#include "shell/app_settings.h"
#include "shell/recent_files.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

QString filter() {
  return QObject::tr("LeakHound scenarios (*%1);;JSON files (*.json);;All files (*)")
      .arg(QString::fromUtf8(scenario::kFileExtension.data(), static_cast<qsizetype>(scenario::kFileExtension.size())));
}

}  // namespace

ScenarioFiles::ScenarioFiles(ScenarioDocument* document, RecentFiles* recent, QWidget* window)
    : QObject(window), document_(document), recent_(recent), window_(window) {}

bool ScenarioFiles::maybeSave() {
  if (!document_->isModified()) return true;
  QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                  tr("The scenario %1 has changes that are not saved.").arg(document_->displayName()),
                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, window_);
  box.setObjectName(u"unsavedChangesBox"_s);
  box.setInformativeText(tr("Save them before going on?"));
  box.setDefaultButton(QMessageBox::Save);
  switch (box.exec()) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
  }
}

void ScenarioFiles::newScenario() {
  if (!maybeSave()) return;
  document_->newScenario(AppSettings::lastFolder(AppSettings::Folder::scenarios));
}

void ScenarioFiles::open() {
  if (!maybeSave()) return;
  const QString path = QFileDialog::getOpenFileName(window_, tr("Open a Scenario"),
                                                    AppSettings::lastFolder(AppSettings::Folder::scenarios), filter());
  if (!path.isEmpty()) openPath(path);
}

bool ScenarioFiles::openPath(const QString& path) {
  if (document_->path() != QFileInfo(path).absoluteFilePath() && !maybeSave()) return false;
  QString error;
  if (!document_->open(path, &error)) {
    if (!QFileInfo::exists(path)) recent_->remove(path);
    QMessageBox::warning(window_, tr("Cannot open the scenario"), tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), error));
    return false;
  }
  AppSettings::setLastFolder(AppSettings::Folder::scenarios, QFileInfo(path).absolutePath());
  recent_->add(path);
  const int problems = static_cast<int>(document_->problems().size());
  emit message(problems == 0 ? tr("Opened %1").arg(document_->displayName())
                             : tr("Opened %1: %n problem(s) to fix", nullptr, problems).arg(document_->displayName()));
  return true;
}

bool ScenarioFiles::confirmDropped() {
  const QStringList dropped = document_->droppedOnSave();
  if (dropped.isEmpty()) return true;
  QMessageBox box(QMessageBox::Warning, tr("Save what could be read?"),
                  tr("The file held things LeakHound could not read. Saving writes only what it read, and drops:"),
                  QMessageBox::Save | QMessageBox::Cancel, window_);
  box.setObjectName(u"droppedOnSaveBox"_s);
  box.setInformativeText(dropped.join(u'\n'));
  return box.exec() == QMessageBox::Save;
}

bool ScenarioFiles::save() {
  if (document_->path().isEmpty()) return saveAs();
  if (!confirmDropped()) return false;
  QString error;
  if (!document_->save(&error)) {
    QMessageBox::warning(window_, tr("Cannot save the scenario"), error);
    return false;
  }
  emit message(tr("Saved %1").arg(document_->displayName()));
  return true;
}

bool ScenarioFiles::saveAs() {
  const QString start = document_->path().isEmpty()
                            ? QDir(AppSettings::lastFolder(AppSettings::Folder::scenarios))
                                  .filePath(u"scenario"_s + QString::fromUtf8(scenario::kFileExtension.data()))
                            : document_->path();
  QString path = QFileDialog::getSaveFileName(window_, tr("Save the Scenario As"), start, filter());
  if (path.isEmpty()) return false;
  if (!path.endsWith(u".json"_s)) path += QString::fromUtf8(scenario::kFileExtension.data());
  if (!confirmDropped()) return false;
  QString error;
  if (!document_->saveAs(path, &error)) {
    QMessageBox::warning(window_, tr("Cannot save the scenario"), error);
    return false;
  }
  AppSettings::setLastFolder(AppSettings::Folder::scenarios, QFileInfo(path).absolutePath());
  recent_->add(path);
  emit message(tr("Saved %1").arg(document_->displayName()));
  return true;
}

void ScenarioFiles::importAb(const QString& command) {
  if (!maybeSave()) return;
  const QString folder = AppSettings::lastFolder(AppSettings::Folder::scenarios);
  ImportAbDialog dialog(folder, window_);
  if (!command.isEmpty()) dialog.setCommand(command);
  if (dialog.exec() != QDialog::Accepted || !dialog.imported()) return;
  document_->replace(dialog.imported()->scenario, folder);
  emit message(tr("Imported the ab command: save the scenario to keep it"));
}

}  // namespace lh::ui
