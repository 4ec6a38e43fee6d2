#pragma once

#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace lh::ui {

class RecentFiles;
class ScenarioDocument;

// New, open, save, save as and import for the scenario document, with the
// dialogs they need: file choosers that remember their folder, and the
// question before unsaved changes would be lost. Nothing is ever thrown
// away without asking.
class ScenarioFiles : public QObject {
  Q_OBJECT

 public:
  ScenarioFiles(ScenarioDocument* document, RecentFiles* recent, QWidget* window);

  // Asks to save unsaved changes; false when the person cancelled (or
  // saving failed), so the caller must not go on.
  bool maybeSave();

 public slots:
  void newScenario();
  void open();
  // Opens `path` (after maybeSave); false when it could not be opened.
  bool openPath(const QString& path);
  bool save();
  bool saveAs();
  // Asks for an ab command line; pre-filled with `command` when given.
  void importAb(const QString& command = {});

 signals:
  void message(const QString& text);

 private:
  bool confirmDropped();

  ScenarioDocument* document_;
  RecentFiles* recent_;
  QPointer<QWidget> window_;
};

}  // namespace lh::ui
