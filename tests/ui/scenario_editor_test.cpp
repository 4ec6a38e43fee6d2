#include <QAbstractItemModelTester>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QScopeGuard>
#include <catch2/catch.hpp>
#include <memory>

#include "demo_target.h"
#include "editor/found_series_model.h"
#include "editor/import_ab_dialog.h"
#include "editor/load_page.h"
#include "editor/probes_model.h"
#include "editor/requests_model.h"
#include "editor/scenario_document.h"
#include "editor/scenario_editor.h"
#include "editor/scenario_files.h"
#include "editor/stages_model.h"
#include "editor/target_page.h"
#include "main_window.h"
#include "shell/recent_files.h"
#include "wait_until.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using lh::ui::ScenarioDocument;
using lh::ui::ScenarioEditor;
using Tester = QAbstractItemModelTester;
using lh::ui::test::wait_until;

namespace {

QString sample(const char* name) { return QStringLiteral(LH_SOURCE_DIR "/resources/scenarios/") + QString::fromUtf8(name); }

QLabel* error_label(QWidget& root, const QString& path) { return root.findChild<QLabel*>(u"error:"_s + path); }

// Types into a line edit the way a person does.
void type_into(QWidget& root, const QString& field, const QString& text) {
  auto* edit = root.findChild<QLineEdit*>(field);
  REQUIRE(edit);
  edit->selectAll();
  QTest::keyClicks(edit, text);
}

// Answers the next message box with `button`, and remembers its text.
void answer_next_box(QMessageBox::StandardButton button, QString* text = nullptr) {
  QTimer::singleShot(0, [=] {
    for (QWidget* w : QApplication::topLevelWidgets()) {
      if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
        if (text) *text = box->text();
        box->button(button)->click();
        return;
      }
    }
  });
}

// The demo scenario open in an editor, its probes table watched by a model
// tester, with no problem yet; reopen() saves it and opens the file again.
struct ProbesTable {
  QTemporaryDir dir;
  ScenarioDocument document;
  std::unique_ptr<ScenarioEditor> editor;
  lh::ui::ProbesModel* probes = nullptr;
  std::unique_ptr<Tester> tester;

  ProbesTable() {
    REQUIRE(document.open(sample("demo-target.leakhound.json")));
    editor = std::make_unique<ScenarioEditor>(&document);
    probes = editor->targetPage()->probesModel();
    tester = std::make_unique<Tester>(probes, Tester::FailureReportingMode::Fatal);
    REQUIRE(wait_until([&] { return document.problems().empty(); }));
  }
  void reopen(const QString& name) {
    QString error;
    REQUIRE(document.saveAs(dir.filePath(name), &error));
    REQUIRE(document.open(dir.filePath(name)));
  }
};

}  // namespace

TEST_CASE("the window opens a sample scenario into the editor") {
  lh::ui::MainWindow window;
  window.show();
  REQUIRE(window.openAny(sample("demo-target.leakhound.json")));
  ScenarioEditor* editor = window.editor();
  REQUIRE(wait_until([&] { return window.windowTitle().contains(u"demo-target.leakhound.json"_s); }));
  CHECK(editor->findChild<QLineEdit*>(u"name"_s)->text() == u"Demo target"_s);
  CHECK(editor->findChild<QLineEdit*>(u"target"_s)->text() == u"http://127.0.0.1:8000"_s);
  CHECK(editor->findChild<QLineEdit*>(u"load.duration"_s)->text() == u"4m"_s);
  CHECK(editor->findChild<QLineEdit*>(u"load.rate"_s)->text() == u"20"_s);
  CHECK(editor->targetPage()->probesModel()->rowCount() == 2);
  auto* requests = editor->loadPage()->requestsModel();
  REQUIRE(requests->rowCount() == 3);
  CHECK(requests->index(0, lh::ui::RequestsModel::TargetColumn).data().toString() == u"/segment"_s);
  CHECK(requests->index(0, lh::ui::RequestsModel::WeightColumn).data().toDouble() == 4);
  CHECK(requests->index(0, lh::ui::RequestsModel::BodyColumn).data().toString().startsWith(u"JSON"_s));
  CHECK(window.document()->problems().empty());
  CHECK_FALSE(window.isWindowModified());
  CHECK(window.recentFiles()->paths().front() == QFileInfo(sample("demo-target.leakhound.json")).absoluteFilePath());
}

TEST_CASE("every sample scenario opens without a problem") {
  for (const char* name : {"demo-target.leakhound.json", "segmentation-service.leakhound.json",
                           "conversion-service.leakhound.json"}) {
    ScenarioDocument document;
    QString error;
    INFO(name);
    REQUIRE(document.open(sample(name), &error));
    for (const auto& p : document.problems()) FAIL_CHECK(p.text());
  }
}

TEST_CASE("an invalid field shows its inline error next to it") {
  ScenarioDocument document;
  REQUIRE(document.open(sample("demo-target.leakhound.json")));
  ScenarioEditor editor(&document);
  editor.resize(600, 900);
  editor.show();
  QLabel* duration_error = error_label(editor, u"load.duration"_s);
  REQUIRE(duration_error);
  CHECK(duration_error->isHidden());

  editor.tabs()->setCurrentIndex(1);
  type_into(editor, u"load.duration"_s, u"-5"_s);
  REQUIRE(wait_until([&] { return duration_error->isVisible(); }));
  CHECK(duration_error->text().contains(u"expected a duration"_s));
  CHECK(duration_error->text().contains(u"-5"_s));
  CHECK(editor.tabs()->tabText(1).contains(u"(1)"_s));
  CHECK(document.isModified());

  // Text where a number belongs.
  type_into(editor, u"load.rate"_s, u"lots"_s);
  QLabel* rate_error = error_label(editor, u"load.rate"_s);
  REQUIRE(wait_until([&] { return rate_error->isVisible(); }));
  CHECK(rate_error->text() == u"expected a number, got \"lots\""_s);

  // A cell of a table: marked, and named under the table.
  auto* stages = editor.loadPage()->stagesModel();
  Tester tester(stages, Tester::FailureReportingMode::Fatal);
  const int row = stages->addRow();
  REQUIRE(stages->setData(stages->index(row, lh::ui::StagesModel::DurationColumn), u"soon"_s));
  QLabel* stages_error = error_label(editor, u"load.stages"_s);
  REQUIRE(wait_until([&] { return stages_error->isVisible(); }));
  CHECK(stages_error->text().contains(u"[0].duration"_s));
  CHECK_FALSE(stages->index(row, 0).data(Qt::DecorationRole).isNull());
  CHECK(stages->index(row, 0).data(Qt::ToolTipRole).toString().contains(u"expected a duration"_s));

  // Fixed, the errors go.
  type_into(editor, u"load.duration"_s, u"5m"_s);
  type_into(editor, u"load.rate"_s, u"20"_s);
  stages->removeRows(row, 1);
  REQUIRE(wait_until([&] { return document.problems().empty(); }));
  CHECK(duration_error->isHidden());
  CHECK(rate_error->isHidden());
  CHECK(stages_error->isHidden());
}

TEST_CASE("a problem no field shows is listed at the top of the editor") {
  QTemporaryDir dir;
  const QString path = dir.filePath(u"odd.leakhound.json"_s);
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(R"({"leakhound_scenario": 1, "colour": "red", "probes": {"sources": ["/metrics"]},
                 "load": {"requests": [{"path": "/"}], "count": 10}, "target": "http://127.0.0.1:1"})");
  file.close();
  ScenarioDocument document;
  REQUIRE(document.open(path));
  ScenarioEditor editor(&document);
  editor.show();
  auto* top = editor.findChild<QLabel*>(u"scenarioProblems"_s);
  CHECK(top->isVisible());
  CHECK(top->text().contains(u"colour"_s));
  CHECK(document.droppedOnSave().size() == 1);
}

TEST_CASE("the editor's tables are sound item models and edit the scenario") {
  ScenarioDocument document;
  REQUIRE(document.open(sample("segmentation-service.leakhound.json")));
  ScenarioEditor editor(&document);
  auto* probes = editor.targetPage()->probesModel();
  auto* requests = editor.loadPage()->requestsModel();
  Tester t1(probes, Tester::FailureReportingMode::Fatal);
  Tester t2(requests, Tester::FailureReportingMode::Fatal);

  const int p = probes->addRow();
  REQUIRE(probes->setData(probes->index(p, lh::ui::ProbesModel::SourceColumn), u"port:8002"_s));
  REQUIRE(probes->setData(probes->index(p, lh::ui::ProbesModel::HeadersColumn), u"X-Token: ${ENV:T}; X-A: b"_s));
  const auto& source = document.scenario().probes.sources.back();
  CHECK(source.source == "port:8002");
  REQUIRE(source.headers.size() == 2);
  CHECK(source.headers[0].value == "${ENV:T}");

  const int r = requests->addRow(0);
  CHECK(r == 1);
  REQUIRE(requests->setData(requests->index(r, lh::ui::RequestsModel::TargetColumn), u"http://other:9/x"_s));
  REQUIRE(requests->setData(requests->index(r, lh::ui::RequestsModel::WeightColumn), 3.0));
  CHECK(document.scenario().load->requests[1].url == "http://other:9/x");
  CHECK(document.scenario().load->requests[1].path.empty());
  CHECK(document.scenario().load->requests[1].weight == 3.0);
  requests->removeRows(r, 1);
  probes->removeRows(p, 1);
  CHECK(document.isModified());

  // Opening another scenario resets the models.
  REQUIRE(document.open(sample("demo-target.leakhound.json")));
  CHECK(requests->rowCount() == 3);
}

TEST_CASE("unsaved changes are never dropped without asking") {
  QTemporaryDir dir;
  lh::ui::MainWindow window;
  window.show();
  REQUIRE(window.openAny(sample("demo-target.leakhound.json")));
  type_into(*window.editor(), u"name"_s, u"Changed"_s);
  REQUIRE(window.isWindowModified());

  QString asked;
  answer_next_box(QMessageBox::Cancel, &asked);
  CHECK_FALSE(window.openAny(sample("segmentation-service.leakhound.json")));
  CHECK(asked.contains(u"not saved"_s));
  CHECK(window.document()->scenario().name == "Changed");
  CHECK(window.document()->path().endsWith(u"demo-target.leakhound.json"_s));

  // Closing asks too, and Cancel keeps the window.
  answer_next_box(QMessageBox::Cancel);
  CHECK_FALSE(window.close());
  CHECK(window.isVisible());

  // Save As, then the changes are safe and the next open goes ahead.
  const QString copy = dir.filePath(u"changed.leakhound.json"_s);
  QString error;
  REQUIRE(window.document()->saveAs(copy, &error));
  CHECK_FALSE(window.isWindowModified());
  REQUIRE(window.openAny(sample("segmentation-service.leakhound.json")));
  ScenarioDocument reread;
  REQUIRE(reread.open(copy));
  CHECK(reread.scenario().name == "Changed");

  // Discard drops them, when asked to.
  type_into(*window.editor(), u"name"_s, u"Throw away"_s);
  answer_next_box(QMessageBox::Discard);
  REQUIRE(window.openAny(copy));
  CHECK(window.document()->scenario().name == "Changed");
}

TEST_CASE("a scenario file dropped on the window opens") {
  lh::ui::MainWindow window;
  window.show();
  QMimeData data;
  data.setUrls({QUrl::fromLocalFile(sample("conversion-service.leakhound.json"))});
  QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &enter);
  CHECK(enter.isAccepted());
  QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &drop);
  REQUIRE(wait_until([&] { return window.document()->path().endsWith(u"conversion-service.leakhound.json"_s); }));
}

TEST_CASE("an ab command line pasted in becomes a scenario") {
  QTemporaryDir dir;
  lh::ui::ImportAbDialog dialog(dir.path());
  // In double quotes $TOKEN is a reference, as a shell reads it (docs/SCENARIOS.md, import-ab).
  dialog.setCommand(u"ab -n 1000 -c 50 -k -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8001/segment"_s);
  dialog.setMonitors(u"segmentation=/memory-stats"_s);
  REQUIRE(dialog.imported());
  const auto& s = dialog.imported()->scenario;
  CHECK(s.target == "http://127.0.0.1:8001");
  CHECK(s.load->count == 1000u);
  CHECK(s.load->concurrency == 50);
  REQUIRE(s.load->requests.size() == 1);
  CHECK(s.load->requests[0].path == "/segment");
  REQUIRE(s.load->requests[0].headers.size() == 1);
  CHECK(s.load->requests[0].headers[0].value == "Bearer ${ENV:TOKEN}");
  REQUIRE(s.probes.sources.size() == 1);

  // In single quotes it is literal text, as ab would have sent it, and a note says the secret is in the file.
  dialog.setCommand(u"ab -n 10 -H 'Authorization: Bearer $TOKEN' http://127.0.0.1:8001/"_s);
  REQUIRE(dialog.imported());
  CHECK(dialog.imported()->scenario.load->requests[0].headers[0].value == "Bearer $TOKEN");
  CHECK(dialog.findChild<QLabel*>(u"abResult"_s)->text().contains(u"secret is written into the scenario"_s));

  dialog.setCommand(u"ab -n many http://x/"_s);
  CHECK_FALSE(dialog.imported());
  CHECK(dialog.problem().contains(u"-n"_s));
  dialog.setCommand(u"curl http://x/"_s);
  CHECK(dialog.problem().contains(u"starting with ab"_s));

  // Imported into a document: unsaved, with no file yet.
  ScenarioDocument document;
  dialog.setCommand(u"ab -n 10 http://127.0.0.1:8001/"_s);
  REQUIRE(dialog.imported());
  document.replace(dialog.imported()->scenario, dir.path());
  CHECK(document.isModified());
  CHECK(document.path().isEmpty());
  CHECK(document.scenario().load->count == 10u);
}

TEST_CASE("Test connection lists every series with the watched memory ticked") {
  lh::test::DemoTarget target;
  ScenarioDocument document;
  REQUIRE(document.open(sample("demo-target.leakhound.json")));
  document.edit([&](lh::scenario::Scenario& s) {
    s.target = "http://127.0.0.1:" + std::to_string(target.port());
    s.probes.watch.clear();
  });
  ScenarioEditor editor(&document);
  editor.show();
  lh::ui::TargetPage* page = editor.targetPage();
  auto* found = page->foundSeries();
  Tester tester(found, Tester::FailureReportingMode::Fatal);
  page->findChild<QPushButton*>(u"testConnection"_s)->click();
  REQUIRE(wait_until([&] { return found->rowCount() > 0; }));
  auto* status = page->findChild<QLabel*>(u"testStatus"_s);
  CHECK(status->text().contains(u"memory.rss_mb"_s));
  REQUIRE(found->watchedRow() >= 0);
  CHECK(found->metric(found->watchedRow()) == u"memory.rss_mb"_s);
  CHECK(found->index(found->watchedRow(), 0).data(Qt::CheckStateRole).toInt() == Qt::Checked);

  // Ticking another memory series makes it the watched one.
  int peak = -1;
  for (int row = 0; row < found->rowCount(); ++row) {
    if (found->metric(row) == u"memory.peak_rss_mb"_s) peak = row;
  }
  REQUIRE(peak >= 0);
  REQUIRE(found->setData(found->index(peak, 0), Qt::Checked, Qt::CheckStateRole));
  CHECK(document.scenario().probes.watch == "memory.peak_rss_mb");
  CHECK(editor.findChild<QLineEdit*>(u"probes.watch"_s)->text() == u"memory.peak_rss_mb"_s);

  // A source that does not answer says so.
  document.edit([](lh::scenario::Scenario& s) { s.target = "http://127.0.0.1:1"; });
  page->testConnection();
  REQUIRE(wait_until([&] { return status->text().startsWith(u"No good answer"_s); }));
}

TEST_CASE("the load page sets who sends the load: Locust's engine, its workers or a master elsewhere") {
  ScenarioDocument document;
  REQUIRE(document.open(sample("demo-target.leakhound.json")));
  ScenarioEditor editor(&document);
  editor.resize(600, 900);
  editor.show();
  editor.tabs()->setCurrentIndex(1);

  type_into(editor, u"load.engine"_s, u"gatling"_s);
  QLabel* engine_error = error_label(editor, u"load.engine"_s);
  REQUIRE(engine_error);
  REQUIRE(wait_until([&] { return engine_error->isVisible(); }));
  CHECK(engine_error->text().contains(u"expected \"leakhound\" or \"locust\""_s));

  type_into(editor, u"load.engine"_s, u"locust"_s);
  type_into(editor, u"load.workers"_s, u"3"_s);
  REQUIRE(wait_until([&] { return document.problems().empty(); }));
  REQUIRE(document.scenario().load);
  CHECK(document.scenario().load->engine == "locust");
  CHECK(document.scenario().load->workers == 3);

  // Workers and a master elsewhere do not go together: the problem says so.
  type_into(editor, u"load.master"_s, u"http://127.0.0.1:8089"_s);
  REQUIRE(wait_until([&] { return !document.problems().empty(); }));
  CHECK(document.scenario().load->master == "http://127.0.0.1:8089");
  auto* workers = editor.findChild<QLineEdit*>(u"load.workers"_s);
  workers->selectAll();
  QTest::keyClick(workers, Qt::Key_Delete);
  REQUIRE(wait_until([&] { return document.problems().empty(); }));
  CHECK_FALSE(document.scenario().load->workers);
}

TEST_CASE_METHOD(ProbesTable,
                 "the probes table sets a Prometheus server's query and restart query, the missing query shown on its cell") {

  const int p = probes->addRow();
  REQUIRE(probes->setData(probes->index(p, lh::ui::ProbesModel::SourceColumn), u"prom:http://127.0.0.1:9090"_s));
  const QModelIndex query = probes->index(p, lh::ui::ProbesModel::QueryColumn);
  REQUIRE(wait_until([&] { return !document.problems().empty(); }));
  CAPTURE(document.problems().front().text());
  CHECK(probes->data(query, Qt::ToolTipRole).toString().contains(u"needs the PromQL query"_s));
  CHECK_FALSE(probes->data(query, Qt::DecorationRole).isNull());

  const QString memory = uR"(container_memory_working_set_bytes{namespace="seg",container!=""})"_s;
  REQUIRE(probes->setData(query, memory));
  REQUIRE(probes->setData(probes->index(p, lh::ui::ProbesModel::RestartQueryColumn),
                          u"kube_pod_container_status_restarts_total"_s));
  REQUIRE(wait_until([&] { return document.problems().empty(); }));
  CHECK(probes->data(query, Qt::DecorationRole).isNull());
  CHECK(document.scenario().probes.sources.back().query == memory.toStdString());

  // Saved and opened again, the queries are the file's.
  reopen(u"prom.leakhound.json"_s);
  CHECK(probes->data(probes->index(p, lh::ui::ProbesModel::QueryColumn)).toString() == memory);
  CHECK(probes->data(probes->index(p, lh::ui::ProbesModel::RestartQueryColumn)).toString() ==
        u"kube_pod_container_status_restarts_total"_s);
}

TEST_CASE_METHOD(ProbesTable,
                 "the probes table sets a source's bearer token, basic auth and CA file, each problem on its own cell") {
  using lh::ui::ProbesModel;
  const auto cell = [&](int row, int column) { return probes->index(row, column); };
  const auto problem_on = [&](const QModelIndex& index) {
    return probes->data(index, Qt::DecorationRole).isNull() ? QString() : probes->data(index, Qt::ToolTipRole).toString();
  };

  // The editor checks references as a run would resolve them.
  qputenv("PROM_TOKEN", "t0ken");
  qputenv("PROM_PASSWORD", "pa55");
  const auto unset = qScopeGuard([] {
    qunsetenv("PROM_TOKEN");
    qunsetenv("PROM_PASSWORD");
  });

  // A local process takes no authentication: said on the token's own cell.
  const int p = probes->addRow();
  REQUIRE(probes->setData(cell(p, ProbesModel::SourceColumn), u"port:8002"_s));
  REQUIRE(probes->setData(cell(p, ProbesModel::BearerTokenColumn), u"${ENV:PROM_TOKEN}"_s));
  REQUIRE(wait_until([&] { return !problem_on(cell(p, ProbesModel::BearerTokenColumn)).isEmpty(); }));
  CHECK(problem_on(cell(p, ProbesModel::BearerTokenColumn)).contains(u"not with a local process"_s));
  CHECK(problem_on(cell(p, ProbesModel::SourceColumn)).isEmpty());

  // A Prometheus server takes it; basic auth beside it is one too many.
  REQUIRE(probes->setData(cell(p, ProbesModel::SourceColumn), u"prom:https://prometheus.example:9090"_s));
  REQUIRE(probes->setData(cell(p, ProbesModel::QueryColumn), u"process_resident_memory_bytes"_s));
  REQUIRE(wait_until([&] { return problem_on(cell(p, ProbesModel::BearerTokenColumn)).isEmpty(); }));
  REQUIRE(probes->setData(cell(p, ProbesModel::BasicAuthColumn), u"leakhound"_s));
  REQUIRE(wait_until([&] { return problem_on(cell(p, ProbesModel::BearerTokenColumn)).contains(u"not both"_s); }));
  REQUIRE(probes->setData(cell(p, ProbesModel::BearerTokenColumn), QString()));
  REQUIRE(probes->setData(cell(p, ProbesModel::BasicAuthColumn), u"leakhound:${ENV:PROM_PASSWORD}"_s));
  // A CA file that is not there is said on its cell.
  REQUIRE(probes->setData(cell(p, ProbesModel::CaFileColumn), dir.filePath(u"missing.pem"_s)));
  REQUIRE(wait_until([&] { return problem_on(cell(p, ProbesModel::CaFileColumn)).contains(u"found none"_s); }));
  const QString ca = dir.filePath(u"ca.pem"_s);
  QFile pem(ca);
  REQUIRE(pem.open(QIODevice::WriteOnly));
  pem.write("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
  pem.close();
  REQUIRE(probes->setData(cell(p, ProbesModel::CaFileColumn), ca));
  const auto& source = document.scenario().probes.sources.back();
  CHECK(source.basic_user == "leakhound");
  CHECK(source.basic_password == "${ENV:PROM_PASSWORD}");
  CHECK(source.bearer_token.empty());
  CHECK(source.ca_file == ca.toStdString());
  REQUIRE(wait_until([&] { return document.problems().empty(); }));

  // Saved and opened again, the cells are the file's.
  reopen(u"auth.leakhound.json"_s);
  CHECK(probes->data(cell(p, ProbesModel::BasicAuthColumn)).toString() == u"leakhound:${ENV:PROM_PASSWORD}"_s);
  CHECK(probes->data(cell(p, ProbesModel::CaFileColumn)).toString() == ca);
  CHECK(probes->data(cell(p, ProbesModel::BearerTokenColumn)).toString().isEmpty());
  // Cleared, basic auth leaves the file.
  REQUIRE(probes->setData(cell(p, ProbesModel::BasicAuthColumn), QString()));
  CHECK(document.scenario().probes.sources.back().basic_user.empty());
  CHECK(document.scenario().probes.sources.back().basic_password.empty());
}
