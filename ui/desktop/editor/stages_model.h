#pragma once

#include "editor/scenario_table_model.h"

namespace lh::ui {

// load.stages: move the concurrency (or the rate) to a target over a duration.
class StagesModel : public ScenarioTableModel {
  Q_OBJECT

 public:
  enum Column { DurationColumn, TargetColumn };
  explicit StagesModel(ScenarioDocument* document, QObject* parent = nullptr);

 protected:
  int count(const Scenario& s) const override;
  QStringList columns() const override;
  QString columnField(int column) const override;
  QString columnTip(int column) const override;
  QVariant value(const Scenario& s, int row, int column) const override;
  bool setValue(Scenario& s, int row, int column, const QVariant& value) const override;
  void insertItem(Scenario& s, int at) const override;
  void removeItem(Scenario& s, int at) const override;
};

}  // namespace lh::ui
