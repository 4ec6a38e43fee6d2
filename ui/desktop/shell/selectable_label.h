#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace lh::ui {

// A label for figures and verdicts: wrapped, and selectable so a person can
// copy them into a ticket; named for tests and style sheets.
QLabel* selectable_label(const QString& object_name);

}  // namespace lh::ui
