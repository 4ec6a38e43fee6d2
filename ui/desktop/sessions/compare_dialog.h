#pragma once

#include <QDialog>
#include <QString>
#include <optional>

#include "session/compare.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace lh::ui {

namespace charts {
class TimeChartWidget;
}
class FolderField;

// Before and after, as `leakhound-cli compare` does it: two session
// folders, lined up by elapsed time or by completed requests; both runs'
// watched memory overlaid in one chart, the change in one sentence, each
// run's verdict and figures side by side, and a button that writes the
// compare PDF and its JSON. Sessions load and compare off the GUI thread;
// a comparison that a newer one overtook is dropped.
class CompareDialog : public QDialog {
  Q_OBJECT

 public:
  explicit CompareDialog(QWidget* parent = nullptr);

  void setFolders(const QString& before, const QString& after);
  QString beforeFolder() const;
  QString afterFolder() const;
  void setBy(session::CompareBy by);

  const std::optional<session::Comparison>& comparison() const { return comparison_; }
  charts::TimeChartWidget* chart() const { return chart_; }
  QString sentence() const;
  // The last problem or result, in one line.
  QString message() const;
  QString runText(bool after) const;

 public slots:
  // Loads both folders and compares them; compared() or failed() follows.
  void compare();
  // Asks where to write the PDF (its JSON goes beside it).
  void exportDialog();
  // Writes `pdf` and the JSON beside it (NAME.json), as the CLI does.
  bool exportTo(const QString& pdf);

 signals:
  void compared();
  void failed(const QString& error);
  void exported(const QStringList& files);

 private:
  void showComparison(session::Comparison comparison);
  void fail(const QString& error);
  void setMessage(const QString& text, bool problem);

  FolderField* before_;
  FolderField* after_;
  QComboBox* by_;
  QPushButton* compare_;
  QLabel* sentence_;
  charts::TimeChartWidget* chart_;
  QLabel* run_a_;
  QLabel* run_b_;
  QLabel* message_;
  QPushButton* export_;
  std::optional<session::Comparison> comparison_;
  unsigned job_ = 0;
};

}  // namespace lh::ui
