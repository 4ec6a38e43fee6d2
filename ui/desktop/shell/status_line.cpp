#include "shell/status_line.h"

#include <QLabel>
#include <QStatusBar>
#include <cmath>

#include "analysis/amounts.h"
#include "verdict/verdict_words.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

QLabel* field(QStatusBar* bar, const QString& name, const QString& tip) {
  auto* label = new QLabel(bar);
  label->setObjectName(name);
  label->setToolTip(tip);
  label->setContentsMargins(6, 0, 6, 0);
  bar->addPermanentWidget(label);
  return label;
}

}  // namespace

QString state_words(session::SessionState state) {
  using session::SessionState;
  switch (state) {
    case SessionState::ready: return StatusLine::tr("Ready");
    case SessionState::running: return StatusLine::tr("Running");
    case SessionState::paused: return StatusLine::tr("Paused");
    case SessionState::finished: return StatusLine::tr("Finished");
    case SessionState::stopped: return StatusLine::tr("Stopped");
    case SessionState::unreachable: return StatusLine::tr("Target unreachable");
    case SessionState::failed: break;
  }
  return StatusLine::tr("Failed");
}

StatusLine::StatusLine(QStatusBar* bar) : QObject(bar) {
  state_ = field(bar, u"statusState"_s, tr("What the session is doing"));
  load_ = field(bar, u"statusLoad"_s, tr("Elapsed time, requests per second and errors"));
  memory_ = field(bar, u"statusMemory"_s, tr("The watched memory series and its latest value"));
  verdict_ = field(bar, u"statusVerdict"_s, tr("The live verdict on the watched memory"));
  setState(tr("Ready"));
}

void StatusLine::showProgress(const session::SessionProgress& p) {
  setState(state_words(p.state));
  setLoad(tr("%L1 req/s · %L2 errors · p50 %L3 ms · p99 %L4 ms")
              .arg(std::lround(p.requests_per_second))
              .arg(p.errors)
              .arg(p.p50_ms, 0, 'f', 1)
              .arg(p.p99_ms, 0, 'f', 1));
  if (!p.watched_series.empty()) {
    const QString value = std::isfinite(p.watched_value)
                              ? QString::fromStdString(analysis::format_amount(p.watched_value, p.watched_unit))
                              : tr("no answer");
    setMemory(u"%1 %2"_s.arg(QString::fromStdString(p.watched_series), value));
  }
}

void StatusLine::setState(const QString& text) { state_->setText(text); }
void StatusLine::setLoad(const QString& text) { load_->setText(text); }
void StatusLine::setMemory(const QString& text) { memory_->setText(text); }

void StatusLine::setVerdict(const QString& line, analysis::VerdictKind kind) {
  verdict_->setText(line);
  QPalette p = verdict_->palette();
  p.setColor(QPalette::WindowText, verdict_colour(kind, verdict_->palette()));
  verdict_->setPalette(p);
}

void StatusLine::clearVerdict() {
  verdict_->clear();
  verdict_->setPalette(QPalette());
}

QString StatusLine::stateText() const { return state_->text(); }
QString StatusLine::loadText() const { return load_->text(); }
QString StatusLine::memoryText() const { return memory_->text(); }
QString StatusLine::verdictText() const { return verdict_->text(); }

}  // namespace lh::ui
