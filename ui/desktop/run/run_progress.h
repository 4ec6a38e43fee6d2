#pragma once

#include <QWidget>
#include <cstdint>
#include <optional>

#include "session/session_progress.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
QT_END_NAMESPACE

namespace lh::ui {

// The run's progress in the status bar: a bar and "00:01:12 · 2m 48s
// left". The bar measures the load's time when its end is a time
// (duration, stages), its requests when it is a count, and runs as a busy
// indicator when neither is known. Hidden while no run has started.
class RunProgress : public QWidget {
  Q_OBJECT

 public:
  explicit RunProgress(QWidget* parent = nullptr);

  // A new run: `request_count` when the load ends after that many requests.
  void begin(std::optional<std::uint64_t> request_count);
  void setProgress(const session::SessionProgress& progress);

  int percent() const;
  QString text() const;

 private:
  QProgressBar* bar_;
  QLabel* label_;
  std::optional<std::uint64_t> count_;
};

}  // namespace lh::ui
