#include "editor/found_series_model.h"

#include <QFont>
#include <cmath>

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

QString kind_text(const SeriesMeaning& m) {
  const QString unit = QString::fromUtf8(unit_symbol(m.unit));
  QString kind;
  switch (m.kind) {
    case SeriesKind::memory: kind = FoundSeriesModel::tr("memory"); break;
    case SeriesKind::cpu: kind = FoundSeriesModel::tr("CPU"); break;
    case SeriesKind::cache_count: kind = FoundSeriesModel::tr("cache size"); break;
    case SeriesKind::status: kind = FoundSeriesModel::tr("health"); break;
    case SeriesKind::other: kind = FoundSeriesModel::tr("other"); break;
  }
  return unit.isEmpty() ? kind : u"%1 (%2)"_s.arg(kind, unit);
}

}  // namespace

FoundSeriesModel::FoundSeriesModel(QObject* parent) : QAbstractTableModel(parent) {}

void FoundSeriesModel::setResult(const probe::FetchOnceResult& result, const QString& label, const QString& watch) {
  beginResetModel();
  series_ = result.series;
  watched_ = result.watched ? static_cast<int>(*result.watched) : -1;
  if (!watch.isEmpty()) {
    for (std::size_t i = 0; i < series_.size(); ++i) {
      const QString metric = QString::fromStdString(series_[i].metric);
      if (watch == metric || watch == label + u'/' + metric) watched_ = static_cast<int>(i);
    }
  }
  endResetModel();
}

void FoundSeriesModel::clear() {
  beginResetModel();
  series_.clear();
  watched_ = -1;
  endResetModel();
}

QString FoundSeriesModel::metric(int row) const {
  return row >= 0 && row < rowCount() ? QString::fromStdString(series_[static_cast<std::size_t>(row)].metric) : QString();
}

int FoundSeriesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(series_.size());
}

int FoundSeriesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FoundSeriesModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const probe::FoundSeries& s = series_[static_cast<std::size_t>(index.row())];
  const bool watched = index.row() == watched_;
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case NameColumn: return QString::fromStdString(s.metric);
        case ValueColumn: return std::isnan(s.value) ? tr("(a rate: known from the second sample)") : QString::number(s.value, 'g', 6);
        case KindColumn: return kind_text(s.meaning);
        default: return {};
      }
    case Qt::CheckStateRole:
      if (index.column() == NameColumn && s.meaning.kind == SeriesKind::memory) return watched ? Qt::Checked : Qt::Unchecked;
      return {};
    case Qt::FontRole:
      if (watched) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    case Qt::ToolTipRole:
      return watched ? tr("The memory the verdict watches") : s.meaning.kind == SeriesKind::memory
                                                                  ? tr("Tick to watch this memory series instead")
                                                                  : QVariant();
    default: return {};
  }
}

bool FoundSeriesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::CheckStateRole || index.column() != NameColumn ||
      !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return false;
  }
  if (static_cast<Qt::CheckState>(value.toInt()) != Qt::Checked || index.row() == watched_) return false;
  const int before = watched_;
  watched_ = index.row();
  if (before >= 0) emit dataChanged(this->index(before, 0), this->index(before, ColumnCount - 1));
  emit dataChanged(this->index(watched_, 0), this->index(watched_, ColumnCount - 1));
  emit watchChosen(metric(watched_));
  return true;
}

QVariant FoundSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn: return tr("Series");
    case ValueColumn: return tr("Now");
    case KindColumn: return tr("Read as");
    default: return {};
  }
}

Qt::ItemFlags FoundSeriesModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
  if (index.column() == NameColumn &&
      series_[static_cast<std::size_t>(index.row())].meaning.kind == SeriesKind::memory) {
    f |= Qt::ItemIsUserCheckable;
  }
  return f;
}

}  // namespace lh::ui
