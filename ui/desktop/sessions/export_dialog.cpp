#include "sessions/export_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "sessions/folder_field.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

ExportDialog::ExportDialog(const QString& session_folder, QWidget* parent)
    : QDialog(parent), target_(new FolderField(AppSettings::Folder::exports, tr("Export Into"))) {
  setObjectName(u"exportDialog"_s);
  setWindowTitle(tr("Export the Session"));
  target_->setObjectName(u"exportFolder"_s);
  target_->setFolder(session_folder);
  auto* what = new QLabel(tr("Writes the PDF report (report.pdf), samples.csv, events.csv, requests.csv and "
                             "summary.json into this folder, as <tt>leakhound-cli report</tt> does:"));
  what->setWordWrap(true);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
  QPushButton* own = buttons->addButton(tr("The Session's &Folder"), QDialogButtonBox::ResetRole);
  own->setToolTip(QDir::toNativeSeparators(session_folder));
  connect(own, &QPushButton::clicked, this, [this, session_folder] { target_->setFolder(session_folder); });
  connect(target_, &FolderField::folderChanged, this,
          [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!folder().isEmpty()); });
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(what);
  layout->addWidget(target_);
  layout->addStretch(1);
  layout->addWidget(buttons);
  resize(560, sizeHint().height());
}

QString ExportDialog::folder() const { return target_->folder(); }

}  // namespace lh::ui
