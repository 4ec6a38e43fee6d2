#pragma once

#include <QString>
#include <QWidget>
#include <vector>

#include "analysis/verdict.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QFormLayout;
class QLabel;
QT_END_NAMESPACE

namespace lh::ui {

// One analysed series' verdict, as the panel lists it.
struct SeriesVerdictView {
  QString series;
  bool watched = false;
  analysis::Verdict verdict;
};

// The verdict panel: the verdict in words and colour, the slope with its
// interval, growth per 1,000 requests, the time to the memory limit and
// the reasons. Live while a run goes on (the run controller hands it the
// latest verdicts at ~4 Hz); other analysed series (heap, cache size) can
// be picked from a list.
class VerdictPanel : public QWidget {
  Q_OBJECT

 public:
  explicit VerdictPanel(QWidget* parent = nullptr);

  // Watched series first. `live`: the run goes on, the verdict may change.
  void setVerdicts(std::vector<SeriesVerdictView> verdicts, bool live);
  // No verdict: says why ("No run yet", "Waiting for samples").
  void clear(const QString& why);

  const std::vector<SeriesVerdictView>& verdicts() const { return verdicts_; }
  // What the panel shows now.
  const SeriesVerdictView* shown() const;
  QString headlineText() const;

 signals:
  void verdictChanged(const QString& line, analysis::VerdictKind kind);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void showCurrent();
  void setRow(QLabel* label, const QString& text);

  std::vector<SeriesVerdictView> verdicts_;
  bool live_ = false;
  QComboBox* series_;
  QLabel* badge_;
  QLabel* headline_;
  QLabel* status_;
  QFormLayout* form_;
  QLabel* slope_;
  QLabel* growth_;
  QLabel* per_1000_;
  QLabel* to_limit_;
  QLabel* confidence_;
  QLabel* restarts_;
  QLabel* reasons_;
};

}  // namespace lh::ui
