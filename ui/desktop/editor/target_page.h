#pragma once

#include "editor/editor_page.h"
#include "probe/fetch_once.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QTableView;
QT_END_NAMESPACE

namespace lh::ui {

class ConnectionTest;
class FoundSeriesModel;
class ProbesModel;

// The target and the probes: what to load and what to watch, with
// "Test connection" looking at a probe once and listing every series it
// gives, the watched memory ticked.
class TargetPage : public EditorPage {
  Q_OBJECT

 public:
  TargetPage(ScenarioDocument* document, FieldBinding* binding, FieldProblems* problems, QWidget* parent = nullptr);

  bool owns(const std::string& path) const override;
  ProbesModel* probesModel() const { return probes_; }
  FoundSeriesModel* foundSeries() const { return found_; }
  QTableView* probesView() const { return probes_view_; }

 public slots:
  // Tests the selected probe source (the first when none is selected).
  void testConnection();

 private:
  void showResult(int job, const lh::probe::FetchOnceResult& result);
  int selectedProbe() const;

  ProbesModel* probes_;
  QTableView* probes_view_;
  QPushButton* test_button_;
  ConnectionTest* test_;
  FoundSeriesModel* found_;
  QTableView* found_view_;
  QLabel* test_status_;
  QString tested_label_;
};

}  // namespace lh::ui
