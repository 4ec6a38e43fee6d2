#include "editor/field_binding.h"

#include <QCheckBox>
#include <QLocale>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <cmath>

#include "editor/scenario_document.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

std::optional<double> read_number(const QString& text, bool* ok) {
  const QString t = text.trimmed();
  *ok = true;
  if (t.isEmpty()) return std::nullopt;
  const double v = QLocale::c().toDouble(t, ok);
  if (!*ok || !std::isfinite(v)) {
    *ok = false;
    return std::nullopt;
  }
  return v;
}

QString write_number(std::optional<double> value) {
  return value ? QString::number(*value, 'g', 12) : QString();
}

FieldBinding::FieldBinding(ScenarioDocument* document, QObject* parent) : QObject(parent), document_(document) {
  connect(document_, &ScenarioDocument::replaced, this, &FieldBinding::reload);
}

void FieldBinding::reload() {
  for (const auto& r : reloads_) r();
}

void FieldBinding::text(QLineEdit* edit, Get<std::string> get, Set<std::string> set) {
  connect(edit, &QLineEdit::textEdited, this, [this, set](const QString& value) {
    document_->edit([&](Scenario& s) { set(s, value.trimmed().toStdString()); });
  });
  reloads_.push_back([this, edit, get] {
    const QSignalBlocker block(edit);
    edit->setText(QString::fromStdString(get(document_->scenario())));
  });
  reloads_.back()();
}

void FieldBinding::text(QPlainTextEdit* edit, Get<std::string> get, Set<std::string> set) {
  connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, set] {
    document_->edit([&](Scenario& s) { set(s, edit->toPlainText().toStdString()); });
  });
  reloads_.push_back([this, edit, get] {
    const QSignalBlocker block(edit);
    edit->setPlainText(QString::fromStdString(get(document_->scenario())));
  });
  reloads_.back()();
}

void FieldBinding::number(QLineEdit* edit, const QString& path, Get<std::optional<double>> get,
                          Set<std::optional<double>> set) {
  connect(edit, &QLineEdit::textEdited, this, [this, path, set](const QString& value) {
    bool ok = false;
    const std::optional<double> number = read_number(value, &ok);
    document_->setInputProblem(path, ok ? QString() : tr("expected a number, got \"%1\"").arg(value.trimmed()));
    if (ok) document_->edit([&](Scenario& s) { set(s, number); });
  });
  reloads_.push_back([this, edit, path, get] {
    const QSignalBlocker block(edit);
    edit->setText(write_number(get(document_->scenario())));
  });
  reloads_.back()();
}

void FieldBinding::flag(QCheckBox* box, bool fallback, Get<std::optional<bool>> get, Set<std::optional<bool>> set) {
  connect(box, &QCheckBox::toggled, this, [this, fallback, set](bool on) {
    document_->edit([&](Scenario& s) { set(s, on == fallback ? std::nullopt : std::optional<bool>(on)); });
  });
  reloads_.push_back([this, box, fallback, get] {
    const QSignalBlocker block(box);
    box->setChecked(get(document_->scenario()).value_or(fallback));
  });
  reloads_.back()();
}

void FieldBinding::list(QLineEdit* edit, Get<std::vector<std::string>> get, Set<std::vector<std::string>> set) {
  connect(edit, &QLineEdit::textEdited, this, [this, set](const QString& value) {
    std::vector<std::string> items;
    for (const QString& item : value.split(u',', Qt::SkipEmptyParts)) {
      if (!item.trimmed().isEmpty()) items.push_back(item.trimmed().toStdString());
    }
    document_->edit([&](Scenario& s) { set(s, items); });
  });
  reloads_.push_back([this, edit, get] {
    QStringList items;
    for (const std::string& item : get(document_->scenario())) items << QString::fromStdString(item);
    const QSignalBlocker block(edit);
    edit->setText(items.join(u", "_s));
  });
  reloads_.back()();
}

}  // namespace lh::ui
