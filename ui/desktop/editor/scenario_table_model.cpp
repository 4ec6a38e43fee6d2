#include "editor/scenario_table_model.h"

#include <QApplication>
#include <QStyle>

#include "editor/field_problems.h"
#include "editor/scenario_document.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

ScenarioTableModel::ScenarioTableModel(ScenarioDocument* document, QString prefix, QObject* parent)
    : QAbstractTableModel(parent), document_(document), prefix_(std::move(prefix)) {
  connect(document_, &ScenarioDocument::replaced, this, [this] {
    beginResetModel();
    endResetModel();
  });
}

void ScenarioTableModel::showProblemsFrom(FieldProblems* problems) {
  problems->claim(prefix_, [this](const scenario::Problems& p) { setProblems(p); });
}

void ScenarioTableModel::setProblems(const scenario::Problems& problems) {
  if (problems == problems_) return;
  problems_ = problems;
  if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QStringList ScenarioTableModel::rowProblems(int row) const {
  const std::string item = u"%1[%2]"_s.arg(prefix_).arg(row).toStdString();
  QStringList out;
  for (const auto& p : problems_) {
    if (path_under(p.path, item)) out << FieldProblems::shortText(p, QString::fromStdString(item));
  }
  return out;
}

QStringList ScenarioTableModel::cellProblems(int row, int column) const {
  const std::string field = u"%1[%2].%3"_s.arg(prefix_).arg(row).arg(columnField(column)).toStdString();
  const std::string item = u"%1[%2]"_s.arg(prefix_).arg(row).toStdString();
  QStringList out;
  for (const auto& p : problems_) {
    // The item as a whole (a string item, such as a probe source) shows in its first column.
    if (path_under(p.path, field) || (column == 0 && p.path == item)) out << QString::fromStdString(p.message);
  }
  return out;
}

int ScenarioTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count(document_->scenario());
}

int ScenarioTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(columns().size());
}

QVariant ScenarioTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return value(document_->scenario(), index.row(), index.column());
    case Qt::ToolTipRole: {
      const QStringList problems = cellProblems(index.row(), index.column());
      return problems.isEmpty() ? QVariant(columnTip(index.column())) : QVariant(problems.join(u'\n'));
    }
    case Qt::DecorationRole:
      if (!cellProblems(index.row(), index.column()).isEmpty()) {
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
      }
      return {};
    default: return {};
  }
}

bool ScenarioTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return false;
  }
  bool taken = false;
  document_->edit([&](Scenario& s) { taken = setValue(s, index.row(), index.column(), value); });
  if (taken) emit dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
  return taken;
}

QVariant ScenarioTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical && role == Qt::DisplayRole) return section + 1;
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  if (role == Qt::DisplayRole) return columns().at(section);
  if (role == Qt::ToolTipRole) return columnTip(section);
  return {};
}

Qt::ItemFlags ScenarioTableModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
  if (editable(index.column())) f |= Qt::ItemIsEditable;
  return f;
}

int ScenarioTableModel::addRow(int row) {
  const int at = row < 0 ? rowCount() : std::min(row + 1, rowCount());
  beginInsertRows({}, at, at);
  document_->edit([&](Scenario& s) { insertItem(s, at); });
  endInsertRows();
  return at;
}

bool ScenarioTableModel::removeRows(int row, int count, const QModelIndex& parent) {
  if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount()) return false;
  beginRemoveRows({}, row, row + count - 1);
  document_->edit([&](Scenario& s) {
    for (int i = 0; i < count; ++i) removeItem(s, row);
  });
  endRemoveRows();
  return true;
}

void ScenarioTableModel::rowChanged(int row) {
  if (row >= 0 && row < rowCount()) emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

}  // namespace lh::ui
