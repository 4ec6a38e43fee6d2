#include "editor/load_page.h"

#include <algorithm>

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "editor/field_binding.h"
#include "editor/field_problems.h"
#include "editor/request_details.h"
#include "editor/requests_model.h"
#include "editor/scenario_document.h"
#include "editor/stages_model.h"
#include "editor/table_view.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using scenario::Scenario;

namespace {

QTableView* table_view(QAbstractItemModel* model, const QString& name, int rows) {
  QTableView* view = editor_table_view(model, name);
  view->setMinimumHeight(view->verticalHeader()->defaultSectionSize() * (rows + 1));
  return view;
}

int selected_row(QTableView* view) {
  const QModelIndexList rows = view->selectionModel()->selectedRows();
  return rows.isEmpty() ? -1 : rows.front().row();
}

// Add and Remove buttons under a table of `model`.
QHBoxLayout* row_buttons(QTableView* view, ScenarioTableModel* model, const QString& what) {
  auto* add = new QPushButton(QObject::tr("Add"));
  add->setToolTip(QObject::tr("Add %1 after the selected one").arg(what));
  auto* remove = new QPushButton(QObject::tr("Remove"));
  remove->setToolTip(QObject::tr("Remove the selected %1").arg(what));
  QObject::connect(add, &QPushButton::clicked, view, [view, model] { view->selectRow(model->addRow(selected_row(view))); });
  QObject::connect(remove, &QPushButton::clicked, view, [view, model] {
    if (const int row = selected_row(view); row >= 0) model->removeRows(row, 1);
  });
  auto* layout = new QHBoxLayout;
  layout->addWidget(add);
  layout->addWidget(remove);
  layout->addStretch(1);
  return layout;
}

}  // namespace

LoadPage::LoadPage(ScenarioDocument* document, FieldBinding* binding, FieldProblems* problems, QWidget* parent)
    : EditorPage(document, binding, problems, parent), requests_(new RequestsModel(document, this)),
      stages_(new StagesModel(document, this)) {
  // Requests
  requests_view_ = table_view(requests_, u"requestsTable"_s, 3);
  requests_view_->horizontalHeader()->setSectionResizeMode(RequestsModel::TargetColumn, QHeaderView::Stretch);
  requests_->showProblemsFrom(problems_);
  details_ = new RequestDetails(document_, requests_, this);
  connect(requests_view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { details_->setRow(current.isValid() ? current.row() : -1); });
  connect(requests_, &QAbstractItemModel::rowsRemoved, this,
          [this] { details_->setRow(std::min(details_->row(), requests_->rowCount() - 1)); });
  auto* requests_box = new QGroupBox(tr("Requests, mixed by weight"));
  auto* requests_layout = new QVBoxLayout(requests_box);
  requests_layout->addWidget(requests_view_);
  requests_layout->addWidget(problems_->label(u"load.requests"_s, true));
  requests_layout->addLayout(row_buttons(requests_view_, requests_, tr("request")));
  requests_layout->addWidget(details_);

  // How hard, and for how long
  auto* form = new QFormLayout;
  auto* concurrency = lineEdit(tr("1 (100 with a rate)"));
  addField(form, tr("&Concurrency:"), concurrency, u"load.concurrency"_s,
           tr("Connections with a request in flight (ab -c); with a rate, the most connections it may use"));
  binding_->number(concurrency, u"load.concurrency"_s,
                   [](const Scenario& s) {
                     const auto c = shown_load(s).concurrency;
                     return c ? std::optional<double>(*c) : std::nullopt;
                   },
                   [](Scenario& s, std::optional<double> v) {
                     // Whole numbers as a scenario file holds them (|x| <= 2^53); the
                     // reader's rule says what range it takes.
                     load_to_edit(s).concurrency =
                         v ? std::optional<std::int64_t>(static_cast<std::int64_t>(std::clamp(*v, -9e15, 9e15))) : std::nullopt;
                   });
  auto* rate = lineEdit(tr("none: each connection sends as soon as it is answered"));
  addField(form, tr("&Rate (requests/s):"), rate, u"load.rate"_s,
           tr("A constant arrival rate, whatever the server does (latency counts from the planned send time)"));
  binding_->number(rate, u"load.rate"_s, [](const Scenario& s) { return shown_load(s).rate; },
                   [](Scenario& s, std::optional<double> v) { load_to_edit(s).rate = v; });
  auto* duration = lineEdit(tr("none"));
  addField(form, tr("&Duration:"), duration, u"load.duration"_s,
           tr("How long to send, pauses excluded: 30s, 10m, 2h (one of duration, count or stages is needed)"));
  binding_->text(duration, [](const Scenario& s) { return shown_load(s).duration; },
                 [](Scenario& s, std::string v) { load_to_edit(s).duration = v; });
  auto* count = lineEdit(tr("none"));
  addField(form, tr("C&ount:"), count, u"load.count"_s,
           tr("How many requests (ab -n); with a duration, whichever comes first"));
  binding_->number(count, u"load.count"_s,
                   [](const Scenario& s) {
                     const auto n = shown_load(s).count;
                     return n ? std::optional<double>(static_cast<double>(*n)) : std::nullopt;
                   },
                   [](Scenario& s, std::optional<double> v) {
                     load_to_edit(s).count = v && *v >= 0 ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*v)) : std::nullopt;
                   });
  auto* timeout = lineEdit(u"30s"_s);
  addField(form, tr("&Timeout:"), timeout, u"load.timeout"_s, tr("How long to wait for each answer"));
  binding_->text(timeout, [](const Scenario& s) { return shown_load(s).timeout; },
                 [](Scenario& s, std::string v) { load_to_edit(s).timeout = v; });

  // Who sends it: this program, or Locust's master and workers (beyond one machine)
  auto* engine = lineEdit(u"leakhound"_s);
  addField(form, tr("&Engine:"), engine, u"load.engine"_s,
           tr("leakhound (this program) or locust (a Locust master and workers run the scenario as a "
              "locustfile, written for the run as leakhound-cli export locust writes it)"));
  binding_->text(engine, [](const Scenario& s) { return shown_load(s).engine; },
                 [](Scenario& s, std::string v) { load_to_edit(s).engine = v; });
  auto* workers = lineEdit(u"1"_s);
  addField(form, tr("Locust &workers:"), workers, u"load.workers"_s,
           tr("With engine locust: how many local workers to start beside the master"));
  binding_->number(workers, u"load.workers"_s,
                   [](const Scenario& s) {
                     const auto w = shown_load(s).workers;
                     return w ? std::optional<double>(*w) : std::nullopt;
                   },
                   [](Scenario& s, std::optional<double> v) {
                     // The reader's rule says what range it takes; only the cast is bounded here.
                     load_to_edit(s).workers = v ? std::optional<int>(static_cast<int>(std::clamp(*v, -1e9, 1e9))) : std::nullopt;
                   });
  auto* master = lineEdit(tr("none: start a master on this machine"));
  addField(form, tr("Locust &master:"), master, u"load.master"_s,
           tr("With engine locust: the web UI of a master already running elsewhere (http://host:8089), "
              "watched instead of started"));
  binding_->text(master, [](const Scenario& s) { return shown_load(s).master; },
                 [](Scenario& s, std::string v) { load_to_edit(s).master = v; });

  // Stages
  stages_view_ = table_view(stages_, u"stagesTable"_s, 2);
  stages_->showProblemsFrom(problems_);
  auto* stages_box = new QGroupBox(tr("Stages: ramps and holds of the concurrency or rate"));
  auto* stages_layout = new QVBoxLayout(stages_box);
  stages_layout->addWidget(stages_view_);
  stages_layout->addWidget(problems_->label(u"load.stages"_s, true));
  stages_layout->addLayout(row_buttons(stages_view_, stages_, tr("stage")));

  // Connections
  auto* keep_alive = new QCheckBox(tr("&Keep connections alive"));
  keep_alive->setToolTip(tr("HTTP/1.1 persistent connections (on by default)"));
  binding_->flag(keep_alive, true, [](const Scenario& s) { return shown_load(s).keep_alive; },
                 [](Scenario& s, std::optional<bool> v) { load_to_edit(s).keep_alive = v; });
  auto* http2 = new QCheckBox(tr("HTTP/&2"));
  http2->setToolTip(tr("HTTP/2 over TLS by ALPN"));
  binding_->flag(http2, false, [](const Scenario& s) { return shown_load(s).http2; },
                 [](Scenario& s, std::optional<bool> v) { load_to_edit(s).http2 = v; });
  auto* insecure = new QCheckBox(tr("Do not check TLS &certificates"));
  binding_->flag(insecure, false, [](const Scenario& s) { return shown_load(s).insecure; },
                 [](Scenario& s, std::optional<bool> v) { load_to_edit(s).insecure = v; });
  auto* check_length = new QCheckBox(tr("A body of another &length is a failure"));
  check_length->setToolTip(tr("ab's length check (ab without -l)"));
  binding_->flag(check_length, false, [](const Scenario& s) { return shown_load(s).check_length; },
                 [](Scenario& s, std::optional<bool> v) { load_to_edit(s).check_length = v; });
  auto* flags = new QVBoxLayout;
  for (QCheckBox* box : {keep_alive, http2, insecure, check_length}) flags->addWidget(box);
  form->addRow(tr("Connections:"), flags);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(requests_box);
  layout->addLayout(form);
  layout->addWidget(stages_box);
  layout->addWidget(problems_->label(u"load"_s));
  layout->addStretch(1);
}

}  // namespace lh::ui
