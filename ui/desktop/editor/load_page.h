#pragma once

#include "editor/editor_page.h"

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace lh::ui {

class RequestDetails;
class RequestsModel;
class StagesModel;

// The load: the requests (a table, with the selected one's body and
// upload beside it), concurrency or rate, stages, when the run ends, and
// the connection options.
class LoadPage : public EditorPage {
  Q_OBJECT

 public:
  LoadPage(ScenarioDocument* document, FieldBinding* binding, FieldProblems* problems, QWidget* parent = nullptr);

  bool owns(const std::string& path) const override { return path.starts_with("load"); }
  RequestsModel* requestsModel() const { return requests_; }
  StagesModel* stagesModel() const { return stages_; }
  QTableView* requestsView() const { return requests_view_; }
  RequestDetails* details() const { return details_; }

 private:
  RequestsModel* requests_;
  StagesModel* stages_;
  QTableView* requests_view_;
  QTableView* stages_view_;
  RequestDetails* details_;
};

}  // namespace lh::ui
