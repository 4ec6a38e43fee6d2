#include "verdict/verdict_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "analysis/verdict_words.h"
#include "shell/selectable_label.h"
#include "verdict/verdict_words.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using analysis::VerdictKind;

VerdictPanel::VerdictPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(u"verdictPanel"_s);

  series_ = new QComboBox;
  series_->setObjectName(u"verdictSeries"_s);
  series_->setToolTip(tr("The series this verdict is on: the watched memory first, then every other memory "
                         "figure and cache size the probes found"));
  badge_ = new QLabel;
  badge_->setObjectName(u"verdictBadge"_s);
  badge_->setAlignment(Qt::AlignCenter);
  badge_->setAutoFillBackground(true);
  badge_->setMargin(8);
  QFont big = badge_->font();
  big.setPointSizeF(big.pointSizeF() * 1.6);
  big.setBold(true);
  badge_->setFont(big);
  headline_ = selectable_label(u"verdictHeadline"_s);
  status_ = selectable_label(u"verdictStatus"_s);
  status_->setEnabled(false);  // drawn subdued

  slope_ = selectable_label(u"verdictSlope"_s);
  growth_ = selectable_label(u"verdictGrowth"_s);
  per_1000_ = selectable_label(u"verdictPer1000"_s);
  to_limit_ = selectable_label(u"verdictTimeToLimit"_s);
  confidence_ = selectable_label(u"verdictConfidence"_s);
  restarts_ = selectable_label(u"verdictRestarts"_s);
  form_ = new QFormLayout;
  form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form_->setRowWrapPolicy(QFormLayout::WrapLongRows);
  form_->addRow(tr("Slope:"), slope_);
  form_->addRow(tr("Growth:"), growth_);
  form_->addRow(tr("Per 1,000 requests:"), per_1000_);
  form_->addRow(tr("Time to the limit:"), to_limit_);
  form_->addRow(tr("Confidence:"), confidence_);
  form_->addRow(tr("Restarts:"), restarts_);
  form_->labelForField(slope_)->setToolTip(tr("Theil–Sen slope over the analysed window, with its 95 % interval "
                                              "widened for autocorrelation"));
  form_->labelForField(per_1000_)->setToolTip(tr("Growth over the requests served inside the analysed window"));
  form_->labelForField(to_limit_)->setToolTip(tr("At the slope, from the level at the end of the window; the "
                                                 "range from the interval's bounds"));

  reasons_ = selectable_label(u"verdictReasons"_s);
  reasons_->setTextFormat(Qt::RichText);
  reasons_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

  auto* content = new QWidget;
  auto* layout = new QVBoxLayout(content);
  layout->addWidget(series_);
  layout->addWidget(badge_);
  layout->addWidget(headline_);
  layout->addWidget(status_);
  layout->addLayout(form_);
  auto* reasons_title = new QLabel(tr("<b>Why</b>"));
  layout->addWidget(reasons_title);
  layout->addWidget(reasons_);
  layout->addStretch(1);

  auto* scroll = new QScrollArea;
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);

  connect(series_, &QComboBox::currentIndexChanged, this, &VerdictPanel::showCurrent);
  clear(tr("No run yet: start one (F5) or open a recorded session."));
}

void VerdictPanel::setVerdicts(std::vector<SeriesVerdictView> verdicts, bool live) {
  live_ = live;
  const QString was = series_->currentText();
  verdicts_ = std::move(verdicts);
  QStringList names;
  for (const auto& v : verdicts_) names << (v.watched ? tr("%1 (watched)").arg(v.series) : v.series);
  QStringList current;
  for (int i = 0; i < series_->count(); ++i) current << series_->itemText(i);
  if (names != current) {
    const QSignalBlocker block(series_);
    series_->clear();
    series_->addItems(names);
    series_->setCurrentIndex(std::max(0, static_cast<int>(names.indexOf(was))));
  }
  series_->setVisible(verdicts_.size() > 1);
  showCurrent();
}

void VerdictPanel::clear(const QString& why) {
  verdicts_.clear();
  {
    const QSignalBlocker block(series_);
    series_->clear();
  }
  series_->hide();
  showCurrent();
  status_->setText(why);
}

const SeriesVerdictView* VerdictPanel::shown() const {
  const int i = series_->currentIndex();
  if (verdicts_.empty()) return nullptr;
  return &verdicts_[static_cast<std::size_t>(std::clamp(i, 0, static_cast<int>(verdicts_.size()) - 1))];
}

QString VerdictPanel::headlineText() const { return headline_->text(); }

void VerdictPanel::setRow(QLabel* label, const QString& text) {
  label->setText(text.isEmpty() ? tr("—") : text);
}

void VerdictPanel::showCurrent() {
  const SeriesVerdictView* v = shown();
  QPalette badge_palette = palette();
  if (!v) {
    badge_->setText(tr("No verdict"));
    badge_palette.setColor(QPalette::Window, palette().color(QPalette::AlternateBase));
    badge_palette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    badge_->setPalette(badge_palette);
    headline_->clear();
    for (QLabel* l : {slope_, growth_, per_1000_, to_limit_, confidence_, restarts_}) setRow(l, {});
    reasons_->clear();
    return;
  }
  const analysis::Verdict& verdict = v->verdict;
  const QColor colour = verdict_colour(verdict.kind, palette());
  badge_->setText(verdict_title(verdict.kind));
  badge_palette.setColor(QPalette::Window, colour);
  badge_palette.setColor(QPalette::WindowText, palette().color(QPalette::Base));
  badge_->setPalette(badge_palette);
  headline_->setText(tr("<b>%1</b> on %2").arg(verdict_line(verdict).toHtmlEscaped(), v->series.toHtmlEscaped()));
  status_->setText(live_ ? tr("Live: updated as the run goes on") : tr("On the whole session"));
  setRow(slope_, slope_text(verdict));
  setRow(growth_, growth_text(verdict));
  setRow(per_1000_, per_1000_requests_text(verdict));
  setRow(to_limit_, QString::fromStdString(analysis::time_to_limit_text(verdict)));
  const QString p = verdict.p_value < 0.001 ? tr("p < 0.001") : tr("p = %1").arg(verdict.p_value, 0, 'g', 2);
  setRow(confidence_, verdict.kind == VerdictKind::inconclusive
                          ? QString()
                          : tr("%1 % (trend test %2)").arg(verdict.confidence * 100, 0, 'f', 0).arg(p));
  setRow(restarts_, QString::number(verdict.restarts));
  QString reasons;
  for (const std::string& r : analysis::reason_lines(verdict)) reasons += u"<li>"_s + QString::fromStdString(r).toHtmlEscaped() + u"</li>"_s;
  reasons_->setText(reasons.isEmpty() ? tr("—") : u"<ul style='margin-left:-20px'>"_s + reasons + u"</ul>"_s);
  emit verdictChanged(verdict_line(verdict), verdict.kind);
}

void VerdictPanel::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) showCurrent();
}

}  // namespace lh::ui
