#include "shell/status_line.h"

#include <QLabel>
#include <QStatusBar>

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

StatusLine::StatusLine(QStatusBar* bar) : QObject(bar) {
  state_ = field(bar, u"statusState"_s, tr("What the session is doing"));
  load_ = field(bar, u"statusLoad"_s, tr("Elapsed time, requests per second and errors"));
  memory_ = field(bar, u"statusMemory"_s, tr("The watched memory series and its latest value"));
  verdict_ = field(bar, u"statusVerdict"_s, tr("The live verdict on the watched memory"));
  setState(tr("Ready"));
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
