#pragma once

#include <QDialog>
#include <QString>

namespace lh::ui {

class FolderField;

// Where Export writes report.pdf, samples.csv, events.csv, requests.csv and
// summary.json: the session's own folder unless another is typed or
// picked (the chooser starts at the folder last exported to).
class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  ExportDialog(const QString& session_folder, QWidget* parent = nullptr);

  QString folder() const;

 private:
  FolderField* target_;
};

}  // namespace lh::ui
