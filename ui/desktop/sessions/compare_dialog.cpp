#include "sessions/compare_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <exception>
#include <filesystem>

#include "analysis/amounts.h"
#include "charts/time_chart_widget.h"
#include "common/atomic_file.h"
#include "common/duration.h"
#include "common/input_error.h"
#include "report/compare_chart.h"
#include "report/compare_report.h"
#include "session/session_files.h"
#include "sessions/background.h"
#include "sessions/folder_field.h"
#include "verdict/verdict_words.h"
#include "shell/selectable_label.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

struct CompareResult {
  std::optional<session::Comparison> comparison;
  QString error;
};

// Off the GUI thread: both sessions read and analysed, then compared.
CompareResult compare_folders(const QString& before, const QString& after, session::CompareBy by) {
  try {
    const session::SessionData a = session::load_session(before.toStdString());
    const session::SessionData b = session::load_session(after.toStdString());
    return {session::compare_sessions(a, b, by), {}};
  } catch (const std::exception& e) {
    return {std::nullopt, QString::fromStdString(e.what())};
  }
}

QString q(const std::string& s) { return QString::fromStdString(s); }

QString per_hour(const std::optional<double>& v, const std::string& unit) {
  return v ? q(analysis::format_amount(*v, unit)) + u"/h"_s : CompareDialog::tr("too little data");
}

// One run's verdict and figures, for its column.
QString run_summary(const QString& label, const session::ComparedRun& r, const QPalette& palette) {
  const QString growth = r.growth_per_1000_requests ? q(analysis::format_amount(*r.growth_per_1000_requests, r.unit))
                                                    : u"—"_s;
  return CompareDialog::tr("<b>%1: %2</b><br><small>%3</small><br>"
                           "<span style='color:%4'><b>%5</b></span> on %6<br>"
                           "Slope: %7<br>Per 1,000 requests: %8<br>Requests: %9<br>Duration: %10")
      .arg(label, q(r.name).toHtmlEscaped(), QDir::toNativeSeparators(q(r.folder.string())).toHtmlEscaped(),
           verdict_colour(r.verdict, palette).name(), verdict_title(r.verdict), q(r.series).toHtmlEscaped(),
           per_hour(r.slope_per_hour, r.unit).toHtmlEscaped(), growth.toHtmlEscaped())
      .arg(QLocale().toString(r.requests, 'f', 0), q(format_duration(Seconds(r.duration_s))));
}

}  // namespace

CompareDialog::CompareDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(u"compareDialog"_s);
  setWindowTitle(tr("Compare Sessions"));
  before_ = new FolderField(AppSettings::Folder::sessions, tr("The Session Before"));
  before_->setObjectName(u"compareBefore"_s);
  after_ = new FolderField(AppSettings::Folder::sessions, tr("The Session After"));
  after_->setObjectName(u"compareAfter"_s);
  by_ = new QComboBox;
  by_->setObjectName(u"compareBy"_s);
  by_->addItem(tr("Elapsed time"), static_cast<int>(session::CompareBy::time));
  by_->addItem(tr("Completed requests"), static_cast<int>(session::CompareBy::requests));
  by_->setToolTip(tr("Runs at different request rates compare fairly by the requests they completed"));
  compare_ = new QPushButton(tr("&Compare"));
  compare_->setObjectName(u"compareButton"_s);

  auto* form = new QFormLayout;
  form->addRow(tr("&Before (A):"), before_);
  form->addRow(tr("&After (B):"), after_);
  auto* by_row = new QHBoxLayout;
  by_row->addWidget(by_);
  by_row->addStretch(1);
  by_row->addWidget(compare_);
  auto* by_label = new QLabel(tr("Line up &by:"));
  by_label->setBuddy(by_);  // a row holding a layout gets no buddy of its own
  form->addRow(by_label, by_row);

  sentence_ = selectable_label(u"compareSentence"_s);
  QFont big = sentence_->font();
  big.setPointSizeF(big.pointSizeF() * 1.15);
  sentence_->setFont(big);
  chart_ = new charts::TimeChartWidget;
  chart_->setObjectName(u"compareChart"_s);
  chart_->setRedrawInterval(std::chrono::milliseconds(0));
  run_a_ = selectable_label(u"compareRunA"_s);
  run_b_ = selectable_label(u"compareRunB"_s);
  for (QLabel* run : {run_a_, run_b_}) {
    run->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    run->setTextFormat(Qt::RichText);
  }
  auto* runs = new QHBoxLayout;
  runs->addWidget(run_a_, 1);
  runs->addWidget(run_b_, 1);
  message_ = selectable_label(u"compareMessage"_s);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  export_ = buttons->addButton(tr("&Export PDF and JSON…"), QDialogButtonBox::ActionRole);
  export_->setObjectName(u"compareExport"_s);
  export_->setEnabled(false);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(sentence_);
  layout->addWidget(chart_, 1);
  layout->addLayout(runs);
  layout->addWidget(message_);
  layout->addWidget(buttons);
  resize(900, 720);

  connect(compare_, &QPushButton::clicked, this, &CompareDialog::compare);
  connect(by_, &QComboBox::currentIndexChanged, this, [this] {
    if (comparison_) compare();
  });
  connect(export_, &QPushButton::clicked, this, &CompareDialog::exportDialog);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void CompareDialog::setFolders(const QString& before, const QString& after) {
  before_->setFolder(before);
  after_->setFolder(after);
}

QString CompareDialog::beforeFolder() const { return before_->folder(); }
QString CompareDialog::afterFolder() const { return after_->folder(); }

void CompareDialog::setBy(session::CompareBy by) { by_->setCurrentIndex(by_->findData(static_cast<int>(by))); }

QString CompareDialog::sentence() const { return sentence_->text(); }
QString CompareDialog::message() const { return message_->text(); }
QString CompareDialog::runText(bool after) const { return (after ? run_b_ : run_a_)->text(); }

void CompareDialog::compare() {
  const QString before = before_->folder();
  const QString after = after_->folder();
  if (before.isEmpty() || after.isEmpty()) {
    fail(tr("Pick two session folders: the one before (A) and the one after (B)."));
    return;
  }
  const auto by = static_cast<session::CompareBy>(by_->currentData().toInt());
  const unsigned job = ++job_;
  setMessage(tr("Reading and comparing the two sessions…"), false);
  compare_->setEnabled(false);
  run_in_background<CompareResult>(
      this, [before, after, by] { return compare_folders(before, after, by); },
      [this, job](const CompareResult& result) {
        if (job != job_) return;  // the folders or the alignment changed meanwhile
        compare_->setEnabled(true);
        if (result.comparison) {
          showComparison(*result.comparison);
        } else {
          fail(result.error);
        }
      });
}

void CompareDialog::showComparison(session::Comparison comparison) {
  comparison_ = std::move(comparison);
  const session::Comparison& c = *comparison_;
  sentence_->setText(q(c.sentence));
  chart_->setContent(report::compare_chart(c));
  chart_->setTimeExtent(report::compare_window(c));
  chart_->resetView();
  run_a_->setText(run_summary(u"A"_s, c.a, palette()));
  run_b_->setText(run_summary(u"B"_s, c.b, palette()));
  export_->setEnabled(true);
  setMessage({}, false);
  emit compared();
}

void CompareDialog::fail(const QString& error) {
  setMessage(error, true);
  emit failed(error);
}

void CompareDialog::setMessage(const QString& text, bool problem) {
  message_->setText(text);
  QPalette p = palette();
  if (problem) p.setColor(QPalette::WindowText, verdict_colour(analysis::VerdictKind::leak, palette()));
  message_->setPalette(p);
}

void CompareDialog::exportDialog() {
  const QString start = QDir(AppSettings::lastFolder(AppSettings::Folder::exports)).filePath(u"compare.pdf"_s);
  const QString pdf = QFileDialog::getSaveFileName(this, tr("Export the Comparison"), start, tr("PDF (*.pdf)"));
  if (!pdf.isEmpty()) exportTo(pdf);
}

bool CompareDialog::exportTo(const QString& chosen) {
  if (!comparison_) return false;
  const QString pdf = chosen.endsWith(u".pdf"_s, Qt::CaseInsensitive) ? chosen : chosen + u".pdf"_s;
  const std::filesystem::path pdf_path = pdf.toStdString();
  const std::filesystem::path json_path = std::filesystem::path(pdf_path).replace_extension(".json");
  try {
    // The same two files `leakhound-cli compare --out` writes.
    write_file_atomically(
        json_path, [&](std::ostream& out) { out << session::to_json(*comparison_).dump(2) << '\n'; });
    report::write_compare_report(*comparison_, pdf_path);
  } catch (const std::exception& e) {
    fail(QString::fromStdString(e.what()));
    return false;
  }
  AppSettings::setLastFolder(AppSettings::Folder::exports, QFileInfo(pdf).absolutePath());
  const QStringList files{pdf, QString::fromStdString(json_path.string())};
  setMessage(tr("Written: %1").arg(QDir::toNativeSeparators(files.join(u", "_s))), false);
  emit exported(files);
  return true;
}

}  // namespace lh::ui
