#include "shell/selectable_label.h"

#include <QLabel>

namespace lh::ui {

QLabel* selectable_label(const QString& object_name) {
  auto* label = new QLabel;
  label->setObjectName(object_name);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

}  // namespace lh::ui
