#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QTableView;
QT_END_NAMESPACE

namespace lh::ui {

// A table of the scenario editor (probes, requests, stages): whole rows
// selected one at a time, the last column stretched, rows a line high.
QTableView* editor_table_view(QAbstractItemModel* model, const QString& object_name);

}  // namespace lh::ui
