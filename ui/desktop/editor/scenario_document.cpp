#include "editor/scenario_document.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

#include "common/atomic_file.h"
#include "scenario/resolve.h"
#include "scenario/scenario_file.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using scenario::Problem;
using scenario::Problems;

namespace {

constexpr int kValidateDelayMs = 200;

std::filesystem::path to_path(const QString& path) { return std::filesystem::path(path.toStdString()); }

scenario::Scenario blank_scenario() {
  scenario::Scenario s;
  s.target = "http://127.0.0.1:8000";
  s.probes.sources.push_back({"/metrics", "", {}});
  s.probes.interval = "1s";
  scenario::Request request;
  request.method = "GET";
  request.path = "/";
  scenario::Load& load = s.load.emplace();
  load.requests.push_back(request);
  load.concurrency = 4;
  load.duration = "10m";
  return s;
}

}  // namespace

const scenario::Load& shown_load(const scenario::Scenario& s) {
  static const scenario::Load none;
  return s.load ? *s.load : none;
}

scenario::Load& load_to_edit(scenario::Scenario& s) { return s.load ? *s.load : s.load.emplace(); }

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent) {
  validate_timer_.setSingleShot(true);
  validate_timer_.setInterval(kValidateDelayMs);
  connect(&validate_timer_, &QTimer::timeout, this, &ScenarioDocument::validateNow);
  newScenario();
}

QString ScenarioDocument::displayName() const {
  return path_.isEmpty() ? tr("Untitled") : QFileInfo(path_).fileName();
}

std::filesystem::path ScenarioDocument::baseFolder() const {
  if (!path_.isEmpty()) return to_path(QFileInfo(path_).absolutePath());
  return to_path(base_folder_.isEmpty() ? QDir::currentPath() : base_folder_);
}

void ScenarioDocument::newScenario(const QString& folder) {
  base_folder_ = folder;
  scenario_ = blank_scenario();
  read_problems_.clear();
  input_problems_.clear();
  edited_since_open_ = false;
  setPath({});
  setModified(false);
  emit replaced();
  validateNow();
}

bool ScenarioDocument::open(const QString& path, QString* error) {
  const std::filesystem::path file = to_path(path);
  scenario::ParsedScenario parsed = scenario::parse_scenario_file(file);
  // Nothing readable: the file is missing, not JSON or not a scenario. Say
  // so and keep what is open.
  const bool nothing = std::any_of(parsed.problems.begin(), parsed.problems.end(), [](const Problem& p) {
    return p.path.empty() || p.path == scenario::kFormatKey;
  });
  if (nothing && parsed.scenario == scenario::Scenario{}) {
    if (error) {
      QStringList lines;
      for (const Problem& p : parsed.problems) lines << QString::fromStdString(p.text());
      *error = lines.join(u'\n');
    }
    return false;
  }
  scenario_ = std::move(parsed.scenario);
  read_problems_ = std::move(parsed.problems);
  input_problems_.clear();
  edited_since_open_ = false;
  base_folder_.clear();
  setPath(QFileInfo(path).absoluteFilePath());
  setModified(false);
  emit replaced();
  validateNow();
  return true;
}

bool ScenarioDocument::saveAs(const QString& path, QString* error) {
  if (path.isEmpty()) {
    if (error) *error = tr("No file name given");
    return false;
  }
  try {
    scenario::save_scenario_file(to_path(path), scenario_);
  } catch (const WriteError& e) {
    if (error) *error = QString::fromUtf8(e.what());
    return false;
  }
  read_problems_.clear();
  setPath(QFileInfo(path).absoluteFilePath());
  setModified(false);
  validateNow();  // relative files now resolve against the new folder
  return true;
}

void ScenarioDocument::replace(scenario::Scenario scenario, const QString& base_folder, bool modified) {
  scenario_ = std::move(scenario);
  base_folder_ = base_folder;
  read_problems_.clear();
  input_problems_.clear();
  edited_since_open_ = false;
  setPath({});
  setModified(modified);
  emit replaced();
  validateNow();
}

void ScenarioDocument::edit(const std::function<void(scenario::Scenario&)>& change) {
  scenario::Scenario before = scenario_;
  change(scenario_);
  if (scenario_ == before) return;
  edited_since_open_ = true;
  setModified(true);
  emit edited();
  validate_timer_.start();
}

void ScenarioDocument::setInputProblem(const QString& path, const QString& message) {
  const bool had = input_problems_.contains(path);
  if (message.isEmpty()) {
    input_problems_.remove(path);
  } else {
    input_problems_.insert(path, message);
  }
  if (had || !message.isEmpty()) validate_timer_.start();
}

QStringList ScenarioDocument::droppedOnSave() const {
  QStringList out;
  for (const Problem& p : read_problems_) out << QString::fromStdString(p.text());
  return out;
}

void ScenarioDocument::validateNow() {
  validate_timer_.stop();
  Problems found;
  for (auto it = input_problems_.cbegin(); it != input_problems_.cend(); ++it) {
    found.push_back({it.key().toStdString(), it.value().toStdString()});
  }
  // Until the first edit, the file's own reading says the most (syntax,
  // unknown keys); after it, the scenario as the editor holds it.
  if (!edited_since_open_) found.insert(found.end(), read_problems_.begin(), read_problems_.end());
  scenario::ResolveOptions options;
  options.default_name = path_.isEmpty() ? "untitled" : scenario::name_from_file(to_path(path_));
  const scenario::Resolution checked = scenario::check_scenario(scenario_, baseFolder(), options);
  for (const Problem& p : checked.problems) {
    const bool shadowed = std::any_of(found.begin(), found.end(), [&](const Problem& q) { return q.path == p.path; });
    if (!shadowed) found.push_back(p);
  }
  if (found == problems_) return;
  problems_ = std::move(found);
  emit problemsChanged();
}

std::optional<session::SessionPlan> ScenarioDocument::plan(Problems* problems, bool watch_only) const {
  scenario::ResolveOptions options;
  options.watch_only = watch_only;
  options.default_name = path_.isEmpty() ? "untitled" : scenario::name_from_file(to_path(path_));
  scenario::Resolution r = scenario::check_scenario(scenario_, baseFolder(), options);
  for (auto it = input_problems_.cbegin(); it != input_problems_.cend(); ++it) {
    if (watch_only && (it.key() == u"load" || it.key().startsWith(u"load."))) continue;
    r.problems.insert(r.problems.begin(), {it.key().toStdString(), it.value().toStdString()});
  }
  if (!r.ok()) {
    if (problems) *problems = std::move(r.problems);
    return std::nullopt;
  }
  return std::move(r.plan);
}

void ScenarioDocument::setModified(bool modified) {
  if (modified_ == modified) return;
  modified_ = modified;
  emit modifiedChanged(modified);
}

void ScenarioDocument::setPath(const QString& path) {
  if (path_ == path) return;
  path_ = path;
  emit pathChanged(path);
}

}  // namespace lh::ui
