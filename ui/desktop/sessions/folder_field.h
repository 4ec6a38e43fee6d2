#pragma once

#include <QString>
#include <QWidget>

#include "shell/app_settings.h"

QT_BEGIN_NAMESPACE
class QLineEdit;
class QPushButton;
QT_END_NAMESPACE

namespace lh::ui {

// A folder typed or picked: a line edit and a "Browse…" button whose
// chooser starts at the folder typed, else at the one last picked for
// `kind` (and remembers the pick for next time).
class FolderField : public QWidget {
  Q_OBJECT

 public:
  FolderField(AppSettings::Folder kind, const QString& chooser_title, QWidget* parent = nullptr);

  QString folder() const;
  void setFolder(const QString& folder);
  QLineEdit* edit() const { return edit_; }

 signals:
  void folderChanged(const QString& folder);

 private:
  void browse();

  AppSettings::Folder kind_;
  QString chooser_title_;
  QLineEdit* edit_;
  QPushButton* browse_;
};

}  // namespace lh::ui
