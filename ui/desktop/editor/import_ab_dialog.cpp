#include "editor/import_ab_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/input_error.h"
#include "scenario/ab_command_line.h"
#include "editor/scenario_document.h"
#include "scenario/shell_words.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

ImportAbDialog::ImportAbDialog(const QString& scenario_folder, QWidget* parent)
    : QDialog(parent), folder_(scenario_folder) {
  setWindowTitle(tr("Import an ab Command"));
  setObjectName(u"importAbDialog"_s);
  command_ = new QPlainTextEdit;
  command_->setObjectName(u"abCommand"_s);
  command_->setPlaceholderText(
      u"ab -n 1000 -c 50 -k -p body.json -T application/json http://127.0.0.1:8001/segment"_s);
  command_->setToolTip(tr("Paste the ab command line as you run it; $NAME in header values becomes ${ENV:NAME}"));
  command_->setTabChangesFocus(true);
  monitors_ = new QLineEdit;
  monitors_->setObjectName(u"abMonitors"_s);
  monitors_->setPlaceholderText(u"segmentation=/memory-stats, port:8001"_s);
  monitors_->setToolTip(tr("The probes, separated by commas: URLs, pid:N, port:N, PRESET=URL, or paths on the target"));
  result_ = new QLabel;
  result_->setObjectName(u"abResult"_s);
  result_->setWordWrap(true);
  result_->setTextFormat(Qt::PlainText);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Import"));

  auto* form = new QFormLayout;
  form->addRow(tr("ab &command:"), command_);
  form->addRow(tr("&Watch with:"), monitors_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(result_);
  layout->addWidget(buttons_);
  resize(640, 280);

  connect(command_, &QPlainTextEdit::textChanged, this, &ImportAbDialog::reread);
  connect(monitors_, &QLineEdit::textChanged, this, &ImportAbDialog::reread);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  reread();
}

void ImportAbDialog::setCommand(const QString& command) { command_->setPlainText(command); }
void ImportAbDialog::setMonitors(const QString& monitors) { monitors_->setText(monitors); }

QString ImportAbDialog::problem() const { return imported_ ? QString() : result_->text(); }

void ImportAbDialog::reread() {
  imported_.reset();
  const QString text = command_->toPlainText().trimmed();
  if (text.isEmpty()) {
    result_->setText(tr("Paste an ab command line."));
  } else {
    try {
      std::vector<std::string> monitors;
      for (const QString& m : monitors_->text().split(u',', Qt::SkipEmptyParts)) {
        if (!m.trimmed().isEmpty()) monitors.push_back(m.trimmed().toStdString());
      }
      // A command copied from a script may span lines with backslashes.
      QString one_line = text;
      one_line.replace(u"\\\n"_s, u" "_s).replace(u'\n', u' ');
      const auto options = scenario::read_ab_command_line(scenario::split_shell_words(one_line.toStdString()));
      imported_ = scenario::scenario_from_ab(options, monitors, folder_.toStdString());
      QStringList lines{tr("Reads as: %n kind(s) of request", nullptr,
                           static_cast<int>(shown_load(imported_->scenario).requests.size()))};
      for (const std::string& note : imported_->notes) lines << tr("Note: %1").arg(QString::fromStdString(note));
      result_->setText(lines.join(u'\n'));
    } catch (const InputError& e) {
      result_->setText(QString::fromUtf8(e.what()));
    }
  }
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(imported_.has_value());
}

}  // namespace lh::ui
