#include "editor/scenario_editor.h"

#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include "editor/field_binding.h"
#include "editor/field_problems.h"
#include "editor/leak_page.h"
#include "editor/load_page.h"
#include "editor/scenario_document.h"
#include "editor/target_page.h"
#include "verdict/verdict_words.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

QScrollArea* scrolled(QWidget* page) {
  auto* area = new QScrollArea;
  area->setWidget(page);
  area->setWidgetResizable(true);
  area->setFrameShape(QFrame::NoFrame);
  return area;
}

}  // namespace

ScenarioEditor::ScenarioEditor(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), binding_(new FieldBinding(document, this)),
      problems_(new FieldProblems(document, this)) {
  setObjectName(u"scenarioEditor"_s);
  header_ = new QLabel;
  header_->setObjectName(u"scenarioHeader"_s);
  // Wrapped, so a long file name or state never widens the window.
  header_->setWordWrap(true);
  header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  summary_ = new QLabel;
  summary_->setObjectName(u"scenarioProblems"_s);
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::PlainText);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  target_ = new TargetPage(document_, binding_, problems_);
  load_ = new LoadPage(document_, binding_, problems_);
  leak_ = new LeakPage(document_, binding_, problems_);
  pages_ = {{target_, tr("&Target and probes")}, {load_, tr("&Load")}, {leak_, tr("Lea&k and report")}};
  tabs_ = new QTabWidget;
  tabs_->setObjectName(u"scenarioTabs"_s);
  tabs_->setDocumentMode(true);
  for (const auto& [page, title] : pages_) tabs_->addTab(scrolled(page), title);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(header_);
  layout->addWidget(summary_);
  layout->addWidget(tabs_, 1);

  connect(document_, &ScenarioDocument::pathChanged, this, &ScenarioEditor::updateHeader);
  connect(document_, &ScenarioDocument::modifiedChanged, this, &ScenarioEditor::updateHeader);
  connect(document_, &ScenarioDocument::problemsChanged, this, &ScenarioEditor::updateTabs);
  connect(document_, &ScenarioDocument::problemsChanged, this, &ScenarioEditor::updateHeader);
  updateHeader();
  updateTabs();
}

void ScenarioEditor::setRunning(bool running) {
  running_ = running;
  updateHeader();
}

void ScenarioEditor::updateHeader() {
  const int n = static_cast<int>(document_->problems().size());
  const QString state = n > 0      ? tr("%n problem(s)", nullptr, n)
                        : running_ ? tr("running; edits apply to the next run")
                                   : tr("ready to run");
  const QString modified = document_->isModified() ? u" *"_s : QString();
  header_->setText(u"<b>%1</b>%2 &nbsp; %3"_s.arg(document_->displayName().toHtmlEscaped(), modified, state));
  header_->setToolTip(document_->path().isEmpty() ? tr("Not saved yet") : document_->path());
}

void ScenarioEditor::updateTabs() {
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    const auto& [page, title] = pages_[i];
    int count = 0;
    for (const auto& p : document_->problems()) count += page->owns(p.path) ? 1 : 0;
    tabs_->setTabText(static_cast<int>(i), count == 0 ? title : u"%1 (%2)"_s.arg(title).arg(count));
  }
  // Problems no field shows (the file as a whole, a key it does not know).
  const QStringList unclaimed = problems_->unclaimedLines();
  summary_->setText(unclaimed.join(u'\n'));
  QPalette p = summary_->palette();
  p.setColor(QPalette::WindowText, verdict_colour(analysis::VerdictKind::leak, palette()));
  summary_->setPalette(p);
  summary_->setVisible(!unclaimed.isEmpty());
}

void ScenarioEditor::showField(const QString& path) {
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    if (pages_[i].first->owns(path.toStdString())) {
      tabs_->setCurrentIndex(static_cast<int>(i));
      if (QWidget* field = pages_[i].first->findChild<QWidget*>(path)) field->setFocus();
      return;
    }
  }
}

}  // namespace lh::ui

namespace lh::ui {

QByteArray ScenarioEditor::saveState() const { return QByteArray::number(tabs_->currentIndex()); }

void ScenarioEditor::restoreState(const QByteArray& state) {
  bool ok = false;
  const int tab = state.toInt(&ok);
  if (ok && tab >= 0 && tab < tabs_->count()) tabs_->setCurrentIndex(tab);
}

}  // namespace lh::ui
