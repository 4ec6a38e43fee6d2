#include "sessions/folder_field.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace lh::ui {

FolderField::FolderField(AppSettings::Folder kind, const QString& chooser_title, QWidget* parent)
    : QWidget(parent), kind_(kind), chooser_title_(chooser_title), edit_(new QLineEdit), browse_(new QPushButton) {
  browse_->setText(tr("Browse…"));
  edit_->setClearButtonEnabled(true);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(edit_, 1);
  layout->addWidget(browse_);
  connect(browse_, &QPushButton::clicked, this, &FolderField::browse);
  connect(edit_, &QLineEdit::textChanged, this, &FolderField::folderChanged);
}

QString FolderField::folder() const { return QDir::fromNativeSeparators(edit_->text().trimmed()); }

void FolderField::setFolder(const QString& folder) { edit_->setText(QDir::toNativeSeparators(folder)); }

void FolderField::browse() {
  const QString typed = folder();
  const QString start = !typed.isEmpty() && QFileInfo(typed).isDir() ? typed : AppSettings::lastFolder(kind_);
  const QString picked = QFileDialog::getExistingDirectory(this, chooser_title_, start);
  if (picked.isEmpty()) return;
  AppSettings::setLastFolder(kind_, picked);
  setFolder(picked);
}

}  // namespace lh::ui
