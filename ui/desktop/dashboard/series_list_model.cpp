#include "dashboard/series_list_model.h"

#include <algorithm>

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

QString kind_name(SeriesKind kind) {
  switch (kind) {
    case SeriesKind::memory: return SeriesListModel::tr("memory");
    case SeriesKind::cpu: return SeriesListModel::tr("CPU");
    case SeriesKind::cache_count: return SeriesListModel::tr("cache size");
    case SeriesKind::status: return SeriesListModel::tr("health");
    case SeriesKind::other: break;
  }
  return SeriesListModel::tr("other");
}

}  // namespace

SeriesListModel::SeriesListModel(QObject* parent) : QAbstractListModel(parent) {}

void SeriesListModel::reset(std::shared_ptr<const probe::SeriesStore> store) {
  beginResetModel();
  store_ = std::move(store);
  ids_.clear();
  endResetModel();
}

void SeriesListModel::setSeries(const std::vector<probe::SeriesId>& ids) {
  std::vector<probe::SeriesId> added;
  for (probe::SeriesId id : ids) {
    if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) added.push_back(id);
  }
  if (added.empty()) return;
  const int first = static_cast<int>(ids_.size());
  beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
  ids_.insert(ids_.end(), added.begin(), added.end());
  endInsertRows();
  if (std::any_of(added.begin(), added.end(), [this](probe::SeriesId id) { return isChecked(id); })) {
    emit checkedChanged();
  }
}

QString SeriesListModel::nameOf(probe::SeriesId id) const {
  return store_ ? QString::fromStdString(store_->series(id).name) : QString();
}

std::vector<probe::SeriesId> SeriesListModel::checkedSeries() const {
  std::vector<probe::SeriesId> out;
  for (probe::SeriesId id : ids_) {
    if (isChecked(id)) out.push_back(id);
  }
  return out;
}

void SeriesListModel::setCheckedNames(const QStringList& names) {
  checked_ = QSet<QString>(names.begin(), names.end());
  if (!ids_.empty()) emit dataChanged(index(0), index(rowCount() - 1), {Qt::CheckStateRole});
  emit checkedChanged();
}

bool SeriesListModel::isChecked(probe::SeriesId id) const { return checked_.contains(nameOf(id)); }

void SeriesListModel::setChecked(probe::SeriesId id, bool checked) {
  const auto it = std::find(ids_.begin(), ids_.end(), id);
  if (it == ids_.end()) return;
  setData(index(static_cast<int>(it - ids_.begin())), checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
}

int SeriesListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(ids_.size());
}

QVariant SeriesListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const probe::SeriesId id = ids_[static_cast<std::size_t>(index.row())];
  const probe::SeriesInfo& info = store_->series(id);
  switch (role) {
    case Qt::DisplayRole: return QString::fromStdString(info.name);
    case Qt::CheckStateRole: return isChecked(id) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: {
      const QString unit = QString::fromUtf8(unit_symbol(info.meaning.unit));
      return tr("%1 from %2 (%3%4)")
          .arg(QString::fromStdString(info.metric), QString::fromStdString(info.source), kind_name(info.meaning.kind),
               unit.isEmpty() ? QString() : u", "_s + unit);
    }
    case SeriesIdRole: return QVariant::fromValue(id);
    default: return {};
  }
}

bool SeriesListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return false;
  }
  const QString name = nameOf(ids_[static_cast<std::size_t>(index.row())]);
  const bool checked = static_cast<Qt::CheckState>(value.toInt()) == Qt::Checked;
  if (checked == checked_.contains(name)) return true;
  if (checked) {
    checked_.insert(name);
  } else {
    checked_.remove(name);
  }
  emit dataChanged(index, index, {Qt::CheckStateRole});
  emit checkedChanged();
  return true;
}

Qt::ItemFlags SeriesListModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

}  // namespace lh::ui
