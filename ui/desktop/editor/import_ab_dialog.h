#pragma once

#include <QDialog>
#include <optional>

#include "scenario/import_ab.h"

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace lh::ui {

// "Import ab command": paste an ab command line, add the probes to watch,
// and get a scenario, read exactly as `leakhound-cli import-ab` reads it.
// What is wrong with the command shows as it is typed.
class ImportAbDialog : public QDialog {
  Q_OBJECT

 public:
  // Relative -p/-u files are written relative to `scenario_folder`.
  explicit ImportAbDialog(const QString& scenario_folder, QWidget* parent = nullptr);

  void setCommand(const QString& command);
  void setMonitors(const QString& monitors);
  // The scenario, once the command reads; nullopt before.
  const std::optional<scenario::AbImport>& imported() const { return imported_; }
  QString problem() const;

 private:
  void reread();

  QString folder_;
  QPlainTextEdit* command_;
  QLineEdit* monitors_;
  QLabel* result_;
  QDialogButtonBox* buttons_;
  std::optional<scenario::AbImport> imported_;
};

}  // namespace lh::ui
