#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "common/event.h"

namespace lh::ui {

// A session's timeline of events, oldest first: restarts, probe faults and
// recoveries, stage changes. Rows are only ever added while a run goes on.
class EventsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { TimeColumn, KindColumn, SourceColumn, DetailColumn, ColumnCount };
  enum Role {
    TimeRole = Qt::UserRole + 1,  // double: seconds on the session clock
    KindRole,                     // int: lh::EventKind
  };

  explicit EventsModel(QObject* parent = nullptr);

  void clear();
  void append(const std::vector<Event>& events);
  const Event& event(int row) const { return events_[static_cast<std::size_t>(row)]; }
  int restarts() const { return restarts_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // "restart", "stage", "unreachable" … as a person reads them.
  static QString kindName(EventKind kind);

 private:
  std::vector<Event> events_;
  int restarts_ = 0;
};

}  // namespace lh::ui
