#include "events/events_model.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

#include "charts/chart_colours.h"
#include "common/duration.h"

namespace lh::ui {

namespace {

charts::MarkerKind marker_kind(EventKind kind) {
  switch (kind) {
    case EventKind::restart: return charts::MarkerKind::restart;
    case EventKind::stage: return charts::MarkerKind::stage;
    case EventKind::unreachable:
    case EventKind::bad_response: return charts::MarkerKind::fault;
    case EventKind::partial:
    case EventKind::recovered: break;
  }
  return charts::MarkerKind::note;
}

}  // namespace

EventsModel::EventsModel(QObject* parent) : QAbstractTableModel(parent) {}

QString EventsModel::kindName(EventKind kind) {
  switch (kind) {
    case EventKind::restart: return tr("restart");
    case EventKind::unreachable: return tr("unreachable");
    case EventKind::recovered: return tr("recovered");
    case EventKind::bad_response: return tr("bad answer");
    case EventKind::stage: return tr("stage");
    case EventKind::partial: return tr("partial answer");
  }
  return {};
}

void EventsModel::clear() {
  beginResetModel();
  events_.clear();
  restarts_ = 0;
  endResetModel();
}

void EventsModel::append(const std::vector<Event>& events) {
  if (events.empty()) return;
  const int first = rowCount();
  beginInsertRows({}, first, first + static_cast<int>(events.size()) - 1);
  events_.insert(events_.end(), events.begin(), events.end());
  restarts_ += static_cast<int>(
      std::count_if(events.begin(), events.end(), [](const Event& e) { return e.kind == EventKind::restart; }));
  endInsertRows();
}

int EventsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(events_.size());
}

int EventsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Event& e = events_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case TimeColumn: return QString::fromStdString(format_clock(Seconds(e.t_s)));
        case KindColumn: return kindName(e.kind);
        case SourceColumn: return QString::fromStdString(e.source);
        case DetailColumn: return QString::fromStdString(e.detail);
        default: return {};
      }
    case Qt::ToolTipRole:
      return tr("%1 s into the session — double-click or press Enter to show it on the charts")
          .arg(e.t_s, 0, 'f', 1);
    case Qt::ForegroundRole:
      if (index.column() == KindColumn && e.kind != EventKind::recovered) {
        // The same colours the charts mark these events with.
        return QBrush(charts::chart_colours_for(QGuiApplication::palette()).marker(marker_kind(e.kind)));
      }
      return {};
    case Qt::TextAlignmentRole:
      return index.column() == TimeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case TimeRole: return e.t_s;
    case KindRole: return static_cast<int>(e.kind);
    default: return {};
  }
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case TimeColumn: return tr("Time");
    case KindColumn: return tr("Event");
    case SourceColumn: return tr("Source");
    case DetailColumn: return tr("Detail");
    default: return {};
  }
}

}  // namespace lh::ui
