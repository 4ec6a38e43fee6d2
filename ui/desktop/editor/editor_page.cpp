#include "editor/editor_page.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "editor/field_problems.h"

namespace lh::ui {

EditorPage::EditorPage(ScenarioDocument* document, FieldBinding* binding, FieldProblems* problems, QWidget* parent)
    : QWidget(parent), document_(document), binding_(binding), problems_(problems) {}

void EditorPage::addField(QFormLayout* form, const QString& label, QWidget* field, const QString& path,
                          const QString& tip, bool subtree) {
  field->setObjectName(path);
  field->setToolTip(tip);
  auto* box = new QWidget;
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(field);
  layout->addWidget(problems_->label(path, subtree));
  auto* name = new QLabel(label);
  name->setBuddy(field);
  name->setToolTip(tip);
  form->addRow(name, box);
}

QLineEdit* EditorPage::lineEdit(const QString& placeholder) {
  auto* edit = new QLineEdit;
  edit->setPlaceholderText(placeholder);
  edit->setClearButtonEnabled(true);
  return edit;
}

}  // namespace lh::ui
