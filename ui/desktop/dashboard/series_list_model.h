#pragma once

#include <QAbstractListModel>
#include <QSet>
#include <memory>
#include <vector>

#include "probe/series_store.h"

namespace lh::ui {

// The series a person may add to the dashboard (a cache size, the heap,
// open files …), each with a check box. Checked series are remembered by
// name, so the same series comes back in the next run and the next
// session.
class SeriesListModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role { SeriesIdRole = Qt::UserRole + 1 };

  explicit SeriesListModel(QObject* parent = nullptr);

  // Another session: the list starts over.
  void reset(std::shared_ptr<const probe::SeriesStore> store);
  // The series to list now: those already listed keep their rows, new ones
  // are added at the end (a running session only ever adds series).
  void setSeries(const std::vector<probe::SeriesId>& ids);

  std::vector<probe::SeriesId> checkedSeries() const;
  QStringList checkedNames() const { return checked_.values(); }
  void setCheckedNames(const QStringList& names);
  bool isChecked(probe::SeriesId id) const;
  void setChecked(probe::SeriesId id, bool checked);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

 signals:
  // The checked series changed (the dashboard adds or drops a chart).
  void checkedChanged();

 private:
  QString nameOf(probe::SeriesId id) const;

  std::shared_ptr<const probe::SeriesStore> store_;
  std::vector<probe::SeriesId> ids_;
  QSet<QString> checked_;
};

}  // namespace lh::ui
