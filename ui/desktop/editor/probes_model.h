#pragma once

#include "editor/scenario_table_model.h"

namespace lh::ui {

// probes.sources: each source as written ("segmentation=/memory-stats",
// "port:8002", "prom:http://prometheus:9090"), its label, a prom: source's
// query and restart query, and what a URL or prom: source sends: headers,
// a bearer token or basic auth ("user:${ENV:PASSWORD}"), and the CA file
// its https is checked against.
class ProbesModel : public ScenarioTableModel {
  Q_OBJECT

 public:
  enum Column {
    SourceColumn,
    LabelColumn,
    QueryColumn,
    RestartQueryColumn,
    HeadersColumn,
    BearerTokenColumn,
    BasicAuthColumn,
    CaFileColumn,
  };
  explicit ProbesModel(ScenarioDocument* document, QObject* parent = nullptr);

 protected:
  int count(const Scenario& s) const override;
  QStringList columns() const override;
  QString columnField(int column) const override;
  QString columnTip(int column) const override;
  QVariant value(const Scenario& s, int row, int column) const override;
  bool setValue(Scenario& s, int row, int column, const QVariant& value) const override;
  void insertItem(Scenario& s, int at) const override;
  void removeItem(Scenario& s, int at) const override;
};

// "Authorization: Bearer ${ENV:TOKEN}; X-Id: 1" and back.
QString headers_text(const scenario::Headers& headers, const QString& separator = QStringLiteral("; "));
scenario::Headers headers_from_text(const QString& text);

}  // namespace lh::ui
