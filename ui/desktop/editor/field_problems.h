#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

#include "scenario/problems.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QWidget;
QT_END_NAMESPACE

namespace lh::ui {

class ScenarioDocument;

// Puts each problem of a scenario next to the field it is about: a field
// claims a JSON path ("load.duration") or a whole part ("load.requests",
// with every path under it), and the most specific claim gets the problem
// (every claim of that same path: a table and the label naming its problems).
// What no field claims is listed at the top of the editor.
class FieldProblems : public QObject {
  Q_OBJECT

 public:
  explicit FieldProblems(ScenarioDocument* document, QObject* parent = nullptr);

  // A label that shows the problems at `path` (and, with `subtree`, under
  // it), hidden while there are none. Named "error:<path>".
  QLabel* label(const QString& path, bool subtree = false);
  // A claim handled by a callback (a table marking its cells): it gets the
  // problems under `prefix`, or none.
  void claim(const QString& prefix, std::function<void(const scenario::Problems&)> show);

  // Every problem's line, for people: "load.duration: expected …".
  QStringList lines() const;
  QStringList unclaimedLines() const { return unclaimed_; }

  // "field: message" without the part of the path the field already says.
  static QString shortText(const scenario::Problem& problem, const QString& claimed);

 signals:
  void unclaimedChanged(const QStringList& lines);

 private:
  struct Claim {
    QString path;
    bool subtree = false;
    std::function<void(const scenario::Problems&)> show;
  };
  void route();

  ScenarioDocument* document_;
  std::vector<Claim> claims_;
  QStringList unclaimed_;
};

// Is `path` the same as `parent`, or a field or item under it?
bool path_under(const std::string& path, const std::string& parent);

}  // namespace lh::ui
