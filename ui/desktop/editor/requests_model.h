#pragma once

#include "editor/scenario_table_model.h"

namespace lh::ui {

// load.requests: the kinds of request, mixed by weight. The table edits
// name, method, path (or URL) and weight; the body, headers and upload of
// the selected request are edited beside it (RequestDetails) and
// summarised in the Body column.
class RequestsModel : public ScenarioTableModel {
  Q_OBJECT

 public:
  enum Column { NameColumn, MethodColumn, TargetColumn, BodyColumn, WeightColumn };
  explicit RequestsModel(ScenarioDocument* document, QObject* parent = nullptr);

  // Changes one request from outside the table, telling views.
  void editRequest(int row, const std::function<void(scenario::Request&)>& change);

 protected:
  int count(const Scenario& s) const override;
  QStringList columns() const override;
  QString columnField(int column) const override;
  QString columnTip(int column) const override;
  bool editable(int column) const override { return column != BodyColumn; }
  QVariant value(const Scenario& s, int row, int column) const override;
  bool setValue(Scenario& s, int row, int column, const QVariant& value) const override;
  void insertItem(Scenario& s, int at) const override;
  void removeItem(Scenario& s, int at) const override;
};

// What a request sends, in a few words: "JSON, 112 bytes", "upload: pdfs/".
QString body_summary(const scenario::Request& request);

}  // namespace lh::ui
