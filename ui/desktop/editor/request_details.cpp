#include "editor/request_details.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>

#include "editor/probes_model.h"
#include "editor/requests_model.h"
#include "editor/scenario_document.h"
#include "verdict/verdict_words.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using scenario::Json;
using scenario::Request;

namespace {

QString body_text(const Request& r) {
  if (!r.body) return {};
  return QString::fromStdString(r.body->is_string() ? r.body->get<std::string>() : r.body->dump(2));
}

// JSON objects and lists stay JSON (sent compact); anything else is text.
std::optional<Json> body_from_text(const QString& text) {
  if (text.trimmed().isEmpty()) return std::nullopt;
  const Json parsed = Json::parse(text.toStdString(), nullptr, false);
  if (!parsed.is_discarded() && (parsed.is_object() || parsed.is_array())) return parsed;
  return Json(text.toStdString());
}

QLineEdit* line(const QString& name, const QString& placeholder, const QString& tip) {
  auto* edit = new QLineEdit;
  edit->setObjectName(name);
  edit->setPlaceholderText(placeholder);
  edit->setToolTip(tip);
  edit->setClearButtonEnabled(true);
  return edit;
}

}  // namespace

RequestDetails::RequestDetails(ScenarioDocument* document, RequestsModel* model, QWidget* parent)
    : QWidget(parent), document_(document), model_(model) {
  headers_ = new QPlainTextEdit;
  headers_->setObjectName(u"requestHeaders"_s);
  headers_->setPlaceholderText(tr("Name: value, one a line (Authorization: Bearer ${ENV:API_TOKEN})"));
  headers_->setToolTip(tr("Sent with this request; ${ENV:NAME} keeps a secret out of the file"));
  headers_->setTabChangesFocus(true);
  headers_->setMaximumHeight(headers_->fontMetrics().height() * 4);
  body_ = new QPlainTextEdit;
  body_->setObjectName(u"requestBody"_s);
  body_->setPlaceholderText(tr("A JSON object or list (sent compact, as application/json), or text"));
  body_->setToolTip(tr("The body; leave it empty for a body file or an upload"));
  body_->setTabChangesFocus(true);
  body_->setMaximumHeight(body_->fontMetrics().height() * 7);
  body_file_ = line(u"requestBodyFile"_s, tr("none"), tr("A file whose contents are the body, relative to the scenario file"));
  content_type_ = line(u"requestContentType"_s, tr("application/json for JSON, else text/plain"),
                       tr("The Content-Type of the body, or of each uploaded file's part"));
  upload_ = line(u"requestUpload"_s, tr("none"),
                 tr("A file, or a folder whose files are uploaded in turn (multipart), relative to the scenario file"));
  upload_field_ = line(u"requestUploadField"_s, u"file"_s, tr("The form field of the upload"));
  auto* folder = new QPushButton(tr("Folder…"));
  folder->setToolTip(tr("Upload every file of a folder in turn, like a batch script"));
  auto* file = new QPushButton(tr("File…"));
  file->setToolTip(tr("Upload one file again and again"));
  connect(folder, &QPushButton::clicked, this, [this] { browseUpload(true); });
  connect(file, &QPushButton::clicked, this, [this] { browseUpload(false); });
  auto* upload_row = new QHBoxLayout;
  upload_row->addWidget(upload_, 1);
  upload_row->addWidget(folder);
  upload_row->addWidget(file);

  problems_ = new QLabel;
  problems_->setObjectName(u"error:requestDetails"_s);
  problems_->setWordWrap(true);
  problems_->hide();

  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("Headers:"), headers_);
  form->addRow(tr("Body:"), body_);
  form->addRow(tr("Body file:"), body_file_);
  form->addRow(tr("Content type:"), content_type_);
  form->addRow(tr("Upload:"), upload_row);
  form->addRow(tr("Upload field:"), upload_field_);
  form->addRow(problems_);

  const auto edit = [this](const std::function<void(Request&)>& change) { model_->editRequest(row_, change); };
  connect(headers_, &QPlainTextEdit::textChanged, this,
          [this, edit] { edit([&](Request& r) { r.headers = headers_from_text(headers_->toPlainText()); }); });
  connect(body_, &QPlainTextEdit::textChanged, this,
          [this, edit] { edit([&](Request& r) { r.body = body_from_text(body_->toPlainText()); }); });
  const std::pair<QLineEdit*, std::string Request::*> lines[] = {{body_file_, &Request::body_file},
                                                                 {content_type_, &Request::content_type},
                                                                 {upload_, &Request::upload},
                                                                 {upload_field_, &Request::upload_field}};
  for (const auto& [widget, member] : lines) {
    connect(widget, &QLineEdit::textChanged, this, [edit, widget = widget, member = member] {
      edit([&](Request& r) { r.*member = widget->text().trimmed().toStdString(); });
    });
  }
  connect(document_, &ScenarioDocument::replaced, this, [this] { setRow(model_->rowCount() > 0 ? 0 : -1); });
  connect(document_, &ScenarioDocument::problemsChanged, this, &RequestDetails::showProblems);
  setRow(model_->rowCount() > 0 ? 0 : -1);
}

void RequestDetails::setRow(int row) {
  row_ = row;
  setEnabled(row_ >= 0 && row_ < model_->rowCount());
  reload();
  showProblems();
}

void RequestDetails::reload() {
  const bool valid = row_ >= 0 && row_ < static_cast<int>(shown_load(document_->scenario()).requests.size());
  const Request r = valid ? shown_load(document_->scenario()).requests[static_cast<std::size_t>(row_)] : Request{};
  const QSignalBlocker b1(headers_), b2(body_), b3(body_file_), b4(content_type_), b5(upload_), b6(upload_field_);
  headers_->setPlainText(headers_text(r.headers, u"\n"_s));
  body_->setPlainText(body_text(r));
  body_file_->setText(QString::fromStdString(r.body_file));
  content_type_->setText(QString::fromStdString(r.content_type));
  upload_->setText(QString::fromStdString(r.upload));
  upload_field_->setText(QString::fromStdString(r.upload_field));
}

void RequestDetails::showProblems() {
  const QStringList problems = row_ >= 0 ? model_->rowProblems(row_) : QStringList();
  problems_->setText(problems.join(u'\n'));
  QPalette p = problems_->palette();
  p.setColor(QPalette::WindowText, verdict_colour(analysis::VerdictKind::leak, palette()));
  problems_->setPalette(p);
  problems_->setVisible(!problems.isEmpty());
}

QString RequestDetails::relativeToScenario(const QString& path) const {
  const QDir base(QString::fromStdString(document_->baseFolder().string()));
  const QString relative = base.relativeFilePath(path);
  return relative.startsWith(u"../../"_s) ? path : relative;
}

void RequestDetails::browseUpload(bool folder) {
  const QString start = QString::fromStdString(document_->baseFolder().string());
  const QString chosen = folder ? QFileDialog::getExistingDirectory(this, tr("Upload every file of"), start)
                                : QFileDialog::getOpenFileName(this, tr("Upload the file"), start);
  if (chosen.isEmpty()) return;
  upload_->setText(relativeToScenario(chosen));
}

}  // namespace lh::ui
