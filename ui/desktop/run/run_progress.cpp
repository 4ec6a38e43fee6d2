#include "run/run_progress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <algorithm>
#include <cmath>

#include "common/duration.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kSteps = 1000;

QString clock_text(double seconds) { return QString::fromStdString(format_clock(Seconds(seconds))); }

}  // namespace

RunProgress::RunProgress(QWidget* parent) : QWidget(parent) {
  setObjectName(u"runProgress"_s);
  bar_ = new QProgressBar;
  bar_->setObjectName(u"runProgressBar"_s);
  bar_->setTextVisible(false);
  bar_->setFixedWidth(160);
  bar_->setMaximumHeight(fontMetrics().height());
  label_ = new QLabel;
  label_->setObjectName(u"runTime"_s);
  label_->setToolTip(tr("Time since the run started, and the load's time left (pauses excluded)"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 0, 6, 0);
  layout->addWidget(bar_);
  layout->addWidget(label_);
  hide();
}

void RunProgress::begin(std::optional<std::uint64_t> request_count) {
  count_ = request_count;
  bar_->setRange(0, kSteps);
  bar_->setValue(0);
  label_->clear();
  QWidget::show();
}

void RunProgress::setProgress(const session::SessionProgress& p) {
  const bool over = session::is_over(p.state);
  std::optional<double> done;
  QString left;
  if (p.remaining_s) {
    // A session without load counts its watch's time, pauses and all.
    const double ran = p.with_load ? p.load_elapsed_s : p.elapsed_s;
    const double total = ran + *p.remaining_s;
    done = total > 0 ? ran / total : 1.0;
    left = tr("%1 left").arg(QString::fromStdString(format_duration(Seconds(std::ceil(*p.remaining_s)))));
  } else if (count_ && *count_ > 0) {
    done = static_cast<double>(p.requests) / static_cast<double>(*count_);
    left = tr("%L1 of %L2 requests").arg(p.requests).arg(*count_);
  }
  if (over && p.state == session::SessionState::finished) done = 1.0;
  if (done) {
    bar_->setRange(0, kSteps);
    bar_->setValue(static_cast<int>(std::lround(std::clamp(*done, 0.0, 1.0) * kSteps)));
  } else if (!over) {
    bar_->setRange(0, 0);  // no known end: busy
  }

  QString text = clock_text(p.elapsed_s);
  if (over) {
    text = tr("ended at %1").arg(text);
  } else if (p.state == session::SessionState::paused) {
    text = tr("%1 · paused").arg(text);
  } else if (!left.isEmpty()) {
    text = tr("%1 · %2").arg(text, left);
  }
  label_->setText(text);
}

int RunProgress::percent() const {
  if (bar_->maximum() <= bar_->minimum()) return 0;
  return bar_->value() * 100 / bar_->maximum();
}

QString RunProgress::text() const { return label_->text(); }

}  // namespace lh::ui
