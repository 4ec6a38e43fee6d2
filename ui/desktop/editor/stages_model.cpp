#include "editor/stages_model.h"

#include "editor/scenario_document.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

StagesModel::StagesModel(ScenarioDocument* document, QObject* parent)
    : ScenarioTableModel(document, u"load.stages"_s, parent) {}

int StagesModel::count(const Scenario& s) const { return static_cast<int>(shown_load(s).stages.size()); }

QStringList StagesModel::columns() const { return {tr("Duration"), tr("Target")}; }

QString StagesModel::columnField(int column) const { return column == DurationColumn ? u"duration"_s : u"target"_s; }

QString StagesModel::columnTip(int column) const {
  return column == DurationColumn ? tr("How long this stage takes: 30s, 10m, 1h30m")
                                  : tr("The concurrency (or with a rate, the requests per second) at its end");
}

QVariant StagesModel::value(const Scenario& s, int row, int column) const {
  const auto& stage = shown_load(s).stages[static_cast<std::size_t>(row)];
  return column == DurationColumn ? QVariant(QString::fromStdString(stage.duration)) : QVariant(stage.target);
}

bool StagesModel::setValue(Scenario& s, int row, int column, const QVariant& value) const {
  auto& stage = load_to_edit(s).stages[static_cast<std::size_t>(row)];
  if (column == DurationColumn) {
    stage.duration = value.toString().trimmed().toStdString();
    return true;
  }
  bool ok = false;
  const double target = value.toDouble(&ok);
  if (ok) stage.target = target;
  return ok;
}

void StagesModel::insertItem(Scenario& s, int at) const {
  // A hold of the stage before, or a first ramp to the concurrency.
  scenario::Stage stage{"1m", static_cast<double>(load_to_edit(s).concurrency.value_or(1))};
  if (at > 0) stage = load_to_edit(s).stages[static_cast<std::size_t>(at - 1)];
  auto& stages = load_to_edit(s).stages;
  stages.insert(stages.begin() + at, stage);
}

void StagesModel::removeItem(Scenario& s, int at) const {
  auto& stages = load_to_edit(s).stages;
  stages.erase(stages.begin() + at);
}

}  // namespace lh::ui
