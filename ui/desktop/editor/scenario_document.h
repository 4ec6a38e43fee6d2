#pragma once

#include <QMap>
#include <QObject>
#include <QString>
#include <QTimer>
#include <filesystem>
#include <functional>

#include "scenario/problems.h"
#include "scenario/scenario.h"
#include "session/session_plan.h"

namespace lh::ui {

// A scenario's load section as the editor shows it: an empty one when the
// scenario has none (a session that only watches).
const scenario::Load& shown_load(const scenario::Scenario& s);
// ... and as an edit changes it: created by the first edit of a load field.
scenario::Load& load_to_edit(scenario::Scenario& s);

// The scenario being edited: the document as its file holds it (references
// and relative paths as written), where it lives, whether it changed since
// it was saved, and every problem with it, each with its JSON path so the
// editor shows it next to its field.
//
// Edits go through edit(); problems are found again a moment after the
// last edit (the same checks as `leakhound-cli validate`: reading, then
// resolving files and ${ENV:…} references), so typing never waits for them.
class ScenarioDocument : public QObject {
  Q_OBJECT

 public:
  explicit ScenarioDocument(QObject* parent = nullptr);

  const scenario::Scenario& scenario() const { return scenario_; }
  // The file, or empty for a scenario never saved.
  const QString& path() const { return path_; }
  bool isModified() const { return modified_; }
  // The file name for titles: "demo-target.leakhound.json", or "Untitled".
  QString displayName() const;
  // Where relative files (bodies, uploads) are looked up: the file's folder,
  // else the folder a new scenario will most likely be saved in.
  std::filesystem::path baseFolder() const;

  // A fresh scenario: probes and one request to fill in; relative files
  // are looked up in `folder` until it is saved.
  void newScenario(const QString& folder = {});
  // Reads a file. A file with problems still opens, as far as it could be
  // read, its problems shown; false (and `error` set) only when nothing
  // could be read at all (missing, not JSON, not a scenario).
  bool open(const QString& path, QString* error = nullptr);
  // Writes the file (atomically). false and `error` when it cannot.
  bool saveAs(const QString& path, QString* error = nullptr);
  bool save(QString* error = nullptr) { return saveAs(path_, error); }
  // A scenario made elsewhere (an imported ab command line): unsaved, unless
  // `modified` is false (the built-in demo scenario: nothing to save).
  void replace(scenario::Scenario scenario, const QString& base_folder = {}, bool modified = true);

  // Changes the scenario; the editor's widgets call this for every edit.
  void edit(const std::function<void(scenario::Scenario&)>& change);
  // A value the editor could not even put into the scenario ("abc" typed
  // as a rate): a problem at `path` until it is cleared (empty message).
  void setInputProblem(const QString& path, const QString& message);

  // Every problem now: input problems, reading, resolving.
  const scenario::Problems& problems() const { return problems_; }
  // Checks now instead of after the pause (before a run, in tests).
  void validateNow();

  // What the file held that the scenario could not (unknown keys, values
  // of the wrong type): saving drops it. Empty once saved.
  QStringList droppedOnSave() const;

  // The plan to run, or the problems that stop it (then nullopt).
  // `watch_only`: without the scenario's load (Run > Watch Only), whose
  // problems then stop nothing.
  std::optional<session::SessionPlan> plan(scenario::Problems* problems = nullptr, bool watch_only = false) const;

 signals:
  // Another scenario altogether (opened, new, imported): widgets reload.
  void replaced();
  // An edit (the widget that made it is up to date already).
  void edited();
  void modifiedChanged(bool modified);
  void pathChanged(const QString& path);
  void problemsChanged();

 private:
  void setModified(bool modified);
  void setPath(const QString& path);

  scenario::Scenario scenario_;
  QString path_;
  QString base_folder_;
  bool modified_ = false;
  scenario::Problems read_problems_;  // from the file as it was opened, until saved
  bool edited_since_open_ = false;
  QMap<QString, QString> input_problems_;
  scenario::Problems problems_;
  QTimer validate_timer_;
};

}  // namespace lh::ui
