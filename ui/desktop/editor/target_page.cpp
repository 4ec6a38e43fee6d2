#include "editor/target_page.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "common/input_error.h"
#include "editor/connection_test.h"
#include "editor/field_binding.h"
#include "editor/field_problems.h"
#include "editor/found_series_model.h"
#include "editor/probes_model.h"
#include "editor/scenario_document.h"
#include "editor/table_view.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using scenario::Scenario;

namespace {

QTableView* table_view(QAbstractItemModel* model, const QString& name) {
  QTableView* view = editor_table_view(model, name);
  view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                        QAbstractItemView::AnyKeyPressed);
  return view;
}

}  // namespace

TargetPage::TargetPage(ScenarioDocument* document, FieldBinding* binding, FieldProblems* problems, QWidget* parent)
    : EditorPage(document, binding, problems, parent), probes_(new ProbesModel(document, this)),
      test_(new ConnectionTest(this)), found_(new FoundSeriesModel(this)) {
  auto* form = new QFormLayout;
  auto* name = lineEdit(tr("the file's name"));
  addField(form, tr("&Name:"), name, u"name"_s, tr("Shown in reports and the window title"));
  binding_->text(name, [](const Scenario& s) { return s.name; }, [](Scenario& s, std::string v) { s.name = v; });
  auto* description = new QPlainTextEdit;
  description->setPlaceholderText(tr("What this scenario tests, for the people reading its reports"));
  description->setMaximumHeight(description->fontMetrics().height() * 4);
  description->setTabChangesFocus(true);
  addField(form, tr("&Description:"), description, u"description"_s, tr("Free text; reports print it"));
  binding_->text(description, [](const Scenario& s) { return s.description; },
                 [](Scenario& s, std::string v) { s.description = v; });
  auto* target = lineEdit(u"http://127.0.0.1:8001"_s);
  addField(form, tr("&Target:"), target, u"target"_s,
           tr("The base URL that the requests' and probes' paths are joined to"));
  binding_->text(target, [](const Scenario& s) { return s.target; }, [](Scenario& s, std::string v) { s.target = v; });

  // Probes
  probes_view_ = table_view(probes_, u"probesTable"_s);
  // Eight columns do not fit the editor's width: the table scrolls
  // sideways, the source shown whole, the last column taking what is left.
  probes_view_->horizontalHeader()->setSectionResizeMode(ProbesModel::SourceColumn, QHeaderView::ResizeToContents);
  probes_view_->horizontalHeader()->setSectionResizeMode(ProbesModel::LabelColumn, QHeaderView::ResizeToContents);
  probes_view_->horizontalHeader()->setStretchLastSection(true);
  probes_view_->setMinimumHeight(probes_view_->verticalHeader()->defaultSectionSize() * 4);
  probes_->showProblemsFrom(problems_);
  auto* add = new QPushButton(tr("&Add"));
  add->setToolTip(tr("Add a probe source"));
  auto* remove = new QPushButton(tr("&Remove"));
  remove->setToolTip(tr("Remove the selected probe source"));
  test_button_ = new QPushButton(tr("Test &connection"));
  test_button_->setObjectName(u"testConnection"_s);
  test_button_->setToolTip(tr("Fetch the selected source once and list every series it gives"));
  connect(add, &QPushButton::clicked, this, [this] {
    const int row = probes_->addRow(selectedProbe());
    probes_view_->selectRow(row);
    probes_view_->edit(probes_->index(row, ProbesModel::SourceColumn));
  });
  connect(remove, &QPushButton::clicked, this, [this] {
    if (const int row = selectedProbe(); row >= 0) probes_->removeRows(row, 1);
  });
  connect(test_button_, &QPushButton::clicked, this, &TargetPage::testConnection);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add);
  buttons->addWidget(remove);
  buttons->addStretch(1);
  buttons->addWidget(test_button_);

  test_status_ = new QLabel;
  test_status_->setObjectName(u"testStatus"_s);
  test_status_->setWordWrap(true);
  test_status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  found_view_ = new QTableView;
  found_view_->setObjectName(u"foundSeries"_s);
  found_view_->setModel(found_);
  found_view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  found_view_->horizontalHeader()->setStretchLastSection(true);
  found_view_->horizontalHeader()->setSectionResizeMode(FoundSeriesModel::NameColumn, QHeaderView::ResizeToContents);
  found_view_->verticalHeader()->hide();
  found_view_->hide();
  connect(found_, &FoundSeriesModel::watchChosen, this, [this](const QString& metric) {
    document_->edit([&](Scenario& s) { s.probes.watch = metric.toStdString(); });
    binding_->reload();
  });

  auto* probe_form = new QFormLayout;
  auto* interval = lineEdit(tr("1s"));
  addField(probe_form, tr("&Interval:"), interval, u"probes.interval"_s,
           tr("Time between samples, at least 100ms: 500ms, 1s, 5s"));
  binding_->text(interval, [](const Scenario& s) { return s.probes.interval; },
                 [](Scenario& s, std::string v) { s.probes.interval = v; });
  auto* timeout = lineEdit(tr("90 % of the interval"));
  addField(probe_form, tr("T&imeout:"), timeout, u"probes.timeout"_s, tr("How long a source may take to answer"));
  binding_->text(timeout, [](const Scenario& s) { return s.probes.timeout; },
                 [](Scenario& s, std::string v) { s.probes.timeout = v; });
  auto* watch = lineEdit(tr("picked from the names (resident memory first)"));
  addField(probe_form, tr("&Watch:"), watch, u"probes.watch"_s,
           tr("The memory series the verdict is about, by metric (memory.rss_mb) or series name "
              "(segmentation/memory.rss_mb); Test connection lists them"));
  binding_->text(watch, [](const Scenario& s) { return s.probes.watch; },
                 [](Scenario& s, std::string v) { s.probes.watch = v; });

  auto* probes_box = new QGroupBox(tr("Probes: what to watch"));
  auto* probes_layout = new QVBoxLayout(probes_box);
  probes_layout->addWidget(probes_view_);
  probes_layout->addWidget(problems_->label(u"probes.sources"_s, true));
  probes_layout->addLayout(buttons);
  probes_layout->addWidget(test_status_);
  probes_layout->addWidget(found_view_);
  probes_layout->addLayout(probe_form);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(probes_box);
  layout->addStretch(1);

  connect(test_, &ConnectionTest::finished, this, &TargetPage::showResult);
  connect(document_, &ScenarioDocument::replaced, this, [this] {
    found_->clear();
    found_view_->hide();
    test_status_->clear();
  });
}

bool TargetPage::owns(const std::string& path) const {
  return path == "name" || path == "description" || path == "target" ||
         (path.starts_with("probes") && !path.starts_with("probes.memory_limit"));
}

int TargetPage::selectedProbe() const {
  const QModelIndexList rows = probes_view_->selectionModel()->selectedRows();
  return rows.isEmpty() ? -1 : rows.front().row();
}

void TargetPage::testConnection() {
  const int row = std::max(0, selectedProbe());
  probe::SourceSpec spec;
  try {
    spec = resolved_source(document_->scenario(), static_cast<std::size_t>(row));
  } catch (const InputError& e) {
    test_status_->setText(tr("Cannot test source %1: %2").arg(row + 1).arg(QString::fromUtf8(e.what())));
    return;
  }
  std::vector<probe::SourceSpec> labelled{spec};
  probe::assign_labels(labelled);
  spec = labelled.front();
  tested_label_ = QString::fromStdString(spec.label);
  test_status_->setText(tr("Fetching %1 …").arg(QString::fromStdString(spec.kind == probe::SourceKind::http ? spec.url : spec.text)));
  test_button_->setEnabled(false);
  test_->start(std::move(spec));
}

void TargetPage::showResult(int, const probe::FetchOnceResult& result) {
  test_button_->setEnabled(true);
  found_->setResult(result, tested_label_, QString::fromStdString(document_->scenario().probes.watch));
  found_view_->setVisible(found_->rowCount() > 0);
  if (!result.ok()) {
    test_status_->setText(tr("No good answer (%1 ms): %2").arg(result.took_ms, 0, 'f', 0).arg(QString::fromStdString(result.error)));
    return;
  }
  const QString watched = found_->watchedRow() >= 0 ? found_->metric(found_->watchedRow()) : QString();
  test_status_->setText(watched.isEmpty()
                            ? tr("Answered in %1 ms with %n series, none of them memory.", nullptr,
                                 found_->rowCount()).arg(result.took_ms, 0, 'f', 0)
                            : tr("Answered in %1 ms with %n series; the verdict watches %2.", nullptr,
                                 found_->rowCount()).arg(result.took_ms, 0, 'f', 0).arg(watched));
  if (found_->watchedRow() >= 0) found_view_->selectRow(found_->watchedRow());
}

}  // namespace lh::ui
