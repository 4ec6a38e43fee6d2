#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace lh::ui {

class RequestsModel;
class ScenarioDocument;

// The parts of the selected request a table cell is too small for: its
// headers, body (text, or JSON sent compact), body file, content type and
// upload folder. Problems with the request are listed under them.
class RequestDetails : public QWidget {
  Q_OBJECT

 public:
  RequestDetails(ScenarioDocument* document, RequestsModel* model, QWidget* parent = nullptr);

  void setRow(int row);
  int row() const { return row_; }

 private:
  void reload();
  void showProblems();
  void browseUpload(bool folder);
  QString relativeToScenario(const QString& path) const;

  ScenarioDocument* document_;
  RequestsModel* model_;
  int row_ = -1;
  QPlainTextEdit* headers_;
  QPlainTextEdit* body_;
  QLineEdit* body_file_;
  QLineEdit* content_type_;
  QLineEdit* upload_;
  QLineEdit* upload_field_;
  QLabel* problems_;
};

}  // namespace lh::ui
