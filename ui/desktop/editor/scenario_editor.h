#pragma once

#include <QWidget>
#include <vector>

QT_BEGIN_NAMESPACE
class QLabel;
class QTabWidget;
QT_END_NAMESPACE

namespace lh::ui {

class EditorPage;
class FieldBinding;
class FieldProblems;
class LeakPage;
class LoadPage;
class ScenarioDocument;
class TargetPage;

// The scenario editor: target and probes, load, leak and report settings
// on three pages, every problem shown next to its field (and counted on
// its page's tab), problems of the file as a whole listed at the top.
class ScenarioEditor : public QWidget {
  Q_OBJECT

 public:
  explicit ScenarioEditor(ScenarioDocument* document, QWidget* parent = nullptr);

  ScenarioDocument* document() const { return document_; }
  FieldProblems* problems() const { return problems_; }
  TargetPage* targetPage() const { return target_; }
  LoadPage* loadPage() const { return load_; }
  LeakPage* leakPage() const { return leak_; }
  QTabWidget* tabs() const { return tabs_; }

  // The page shown, for QSettings.
  QByteArray saveState() const;
  void restoreState(const QByteArray& state);

  // Shows the page and field a problem path is about.
  void showField(const QString& path);

  // While a run goes on, the header says so: the scenario stays editable,
  // and what is edited applies to the next run, not this one.
  void setRunning(bool running);

 private:
  void updateHeader();
  void updateTabs();

  ScenarioDocument* document_;
  FieldBinding* binding_;
  FieldProblems* problems_;
  QLabel* header_;
  bool running_ = false;
  QLabel* summary_;
  QTabWidget* tabs_;
  TargetPage* target_;
  LoadPage* load_;
  LeakPage* leak_;
  std::vector<std::pair<EditorPage*, QString>> pages_;
};

}  // namespace lh::ui
