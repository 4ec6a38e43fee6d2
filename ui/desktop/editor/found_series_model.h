#pragma once

#include <QAbstractTableModel>

#include "probe/fetch_once.h"

namespace lh::ui {

// What "Test connection" found: every series with its value now and what
// LeakHound reads it as. One is checked: the memory the verdict will watch
// (the scenario's choice, else the one LeakHound picks); checking another
// chooses it.
class FoundSeriesModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { NameColumn, ValueColumn, KindColumn, ColumnCount };

  explicit FoundSeriesModel(QObject* parent = nullptr);

  // `watch`: the scenario's watched series (by metric or "label/metric"),
  // empty to take the one picked from the names.
  void setResult(const probe::FetchOnceResult& result, const QString& label, const QString& watch);
  void clear();
  int watchedRow() const { return watched_; }
  QString metric(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

 signals:
  // The person checked another series to watch.
  void watchChosen(const QString& metric);

 private:
  std::vector<probe::FoundSeries> series_;
  int watched_ = -1;
};

}  // namespace lh::ui
