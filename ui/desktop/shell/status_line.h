#pragma once

#include <QObject>
#include <QString>

#include "analysis/verdict.h"
#include "session/session_progress.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QStatusBar;
QT_END_NAMESPACE

namespace lh::ui {

// The permanent part of the status bar: what the session is doing, its
// load, the watched memory and the live verdict, each in its own field so
// they do not jump about at 4 Hz. Transient messages still go to the
// status bar itself.
class StatusLine : public QObject {
  Q_OBJECT

 public:
  explicit StatusLine(QStatusBar* bar);

  // A run's state, load and watched memory, at each of its ticks.
  void showProgress(const session::SessionProgress& progress);
  void setState(const QString& text);
  void setLoad(const QString& text);
  void setMemory(const QString& text);
  void setVerdict(const QString& line, analysis::VerdictKind kind);
  void clearVerdict();

  QString stateText() const;
  QString loadText() const;
  QString memoryText() const;
  QString verdictText() const;

 private:
  QLabel* state_;
  QLabel* load_;
  QLabel* memory_;
  QLabel* verdict_;
};

// "Running", "Paused", "Finished" …: the state as the status line says it.
QString state_words(session::SessionState state);

}  // namespace lh::ui
