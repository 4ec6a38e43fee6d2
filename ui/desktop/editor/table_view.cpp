#include "editor/table_view.h"

#include <QHeaderView>
#include <QTableView>

namespace lh::ui {

QTableView* editor_table_view(QAbstractItemModel* model, const QString& object_name) {
  auto* view = new QTableView;
  view->setObjectName(object_name);
  view->setModel(model);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->horizontalHeader()->setStretchLastSection(true);
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
  return view;
}

}  // namespace lh::ui
