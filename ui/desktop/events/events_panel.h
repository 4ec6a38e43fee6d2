#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
QT_END_NAMESPACE

namespace lh::ui {

class EventsModel;
class SessionFeed;

// The events list: restarts, probe faults, stage changes with their times.
// Clicking one (or Enter on it) moves the charts there.
class EventsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit EventsPanel(SessionFeed* feed, QWidget* parent = nullptr);

  EventsModel* model() const { return model_; }
  QTableView* view() const { return view_; }

 signals:
  void timeSelected(double t_s);

 private:
  void pick(const QModelIndex& index);
  void updateSummary();

  EventsModel* model_;
  QSortFilterProxyModel* filter_;
  QTableView* view_;
  QLineEdit* search_;
  QLabel* summary_;
};

}  // namespace lh::ui
