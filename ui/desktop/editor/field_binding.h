#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario.h"

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace lh::ui {

class ScenarioDocument;

// Ties the editor's plain fields to the document: every edit goes into the
// scenario at once, and a scenario opened or imported fills the fields.
// Tables have their own models; this is for line edits and check boxes.
class FieldBinding : public QObject {
  Q_OBJECT

 public:
  using Scenario = scenario::Scenario;
  template <typename T>
  using Get = std::function<T(const Scenario&)>;
  template <typename T>
  using Set = std::function<void(Scenario&, T)>;

  explicit FieldBinding(ScenarioDocument* document, QObject* parent = nullptr);

  // Text as written (durations, sizes, URLs stay text: the checks read them).
  void text(QLineEdit* edit, Get<std::string> get, Set<std::string> set);
  void text(QPlainTextEdit* edit, Get<std::string> get, Set<std::string> set);
  // A number, or empty for "not written". Text that is no number is a
  // problem at `path`, shown like any other.
  void number(QLineEdit* edit, const QString& path, Get<std::optional<double>> get, Set<std::optional<double>> set);
  // A switch whose default is `fallback`: the default is left unwritten.
  void flag(QCheckBox* box, bool fallback, Get<std::optional<bool>> get, Set<std::optional<bool>> set);
  // A list of texts written one per comma: "a, b".
  void list(QLineEdit* edit, Get<std::vector<std::string>> get, Set<std::vector<std::string>> set);

  // Fills every bound field from the document (done on replaced()).
  void reload();

 private:
  ScenarioDocument* document_;
  std::vector<std::function<void()>> reloads_;
};

// "12", "0.5", "1e3" as a number; nullopt for empty text; throws nothing:
// `ok` false for text that is not a number.
std::optional<double> read_number(const QString& text, bool* ok);
QString write_number(std::optional<double> value);

}  // namespace lh::ui
