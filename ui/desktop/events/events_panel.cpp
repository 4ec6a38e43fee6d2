#include "events/events_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "dashboard/session_feed.h"
#include "events/events_model.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

EventsPanel::EventsPanel(SessionFeed* feed, QWidget* parent)
    : QWidget(parent), model_(new EventsModel(this)), filter_(new QSortFilterProxyModel(this)) {
  setObjectName(u"eventsPanel"_s);
  filter_->setSourceModel(model_);
  filter_->setFilterKeyColumn(-1);
  filter_->setFilterCaseSensitivity(Qt::CaseInsensitive);

  view_ = new QTableView;
  view_->setObjectName(u"eventsView"_s);
  view_->setModel(filter_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  view_->setWordWrap(false);
  view_->verticalHeader()->hide();
  view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->horizontalHeader()->setSectionResizeMode(EventsModel::TimeColumn, QHeaderView::ResizeToContents);
  view_->horizontalHeader()->setSectionResizeMode(EventsModel::KindColumn, QHeaderView::ResizeToContents);
  view_->horizontalHeader()->setSectionResizeMode(EventsModel::SourceColumn, QHeaderView::ResizeToContents);
  view_->setToolTip(tr("Click an event to show that moment on the charts"));

  search_ = new QLineEdit;
  search_->setObjectName(u"eventsSearch"_s);
  search_->setPlaceholderText(tr("Filter events"));
  search_->setClearButtonEnabled(true);
  search_->setToolTip(tr("Show only events whose time, kind, source or detail contains this text"));
  summary_ = new QLabel;
  summary_->setObjectName(u"eventsSummary"_s);

  auto* top = new QHBoxLayout;
  top->addWidget(search_, 1);
  top->addWidget(summary_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addWidget(view_);

  connect(search_, &QLineEdit::textChanged, filter_, &QSortFilterProxyModel::setFilterFixedString);
  connect(view_, &QTableView::clicked, this, &EventsPanel::pick);
  connect(view_, &QTableView::activated, this, &EventsPanel::pick);
  connect(feed, &SessionFeed::bound, model_, &EventsModel::clear);
  connect(feed, &SessionFeed::eventsAdded, model_, &EventsModel::append);
  connect(model_, &QAbstractItemModel::rowsInserted, this, &EventsPanel::updateSummary);
  connect(model_, &QAbstractItemModel::modelReset, this, &EventsPanel::updateSummary);
  updateSummary();
}

void EventsPanel::pick(const QModelIndex& index) {
  if (index.isValid()) emit timeSelected(index.data(EventsModel::TimeRole).toDouble());
}

void EventsPanel::updateSummary() {
  const int n = model_->rowCount();
  summary_->setText(n == 0 ? tr("no events") : tr("%n event(s), ", nullptr, n) + tr("%n restart(s)", nullptr, model_->restarts()));
}

}  // namespace lh::ui
