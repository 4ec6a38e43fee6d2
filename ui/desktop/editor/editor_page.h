#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QFormLayout;
class QLineEdit;
QT_END_NAMESPACE

namespace lh::ui {

class FieldBinding;
class FieldProblems;
class ScenarioDocument;

// What the scenario editor's pages share: the document, its bindings and
// its problems, and a way to lay out a field with its error right under it.
class EditorPage : public QWidget {
  Q_OBJECT

 public:
  EditorPage(ScenarioDocument* document, FieldBinding* binding, FieldProblems* problems, QWidget* parent = nullptr);

  // The paths whose problems count towards this page's tab.
  virtual bool owns(const std::string& path) const = 0;

 protected:
  // Adds "label: field" to `form`, with the problems at `path` shown under
  // the field. The field gets `path` as its object name.
  void addField(QFormLayout* form, const QString& label, QWidget* field, const QString& path, const QString& tip,
                bool subtree = false);
  // A line edit with a placeholder saying what is used when it is empty.
  static QLineEdit* lineEdit(const QString& placeholder);

  ScenarioDocument* document_;
  FieldBinding* binding_;
  FieldProblems* problems_;
};

}  // namespace lh::ui
