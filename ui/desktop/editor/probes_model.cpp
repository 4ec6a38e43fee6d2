#include "editor/probes_model.h"

#include <QRegularExpression>

namespace lh::ui {

using namespace Qt::StringLiterals;

QString headers_text(const scenario::Headers& headers, const QString& separator) {
  QStringList parts;
  for (const auto& h : headers) parts << u"%1: %2"_s.arg(QString::fromStdString(h.name), QString::fromStdString(h.value));
  return parts.join(separator);
}

scenario::Headers headers_from_text(const QString& text) {
  scenario::Headers out;
  for (const QString& part : text.split(QRegularExpression(u"[;\\n]"_s), Qt::SkipEmptyParts)) {
    const QString line = part.trimmed();
    if (line.isEmpty()) continue;
    const qsizetype colon = line.indexOf(u':');
    // A header without a colon is kept whole as its name: the checks then
    // say what is wrong with it, next to the field.
    out.push_back({(colon < 0 ? line : line.left(colon)).trimmed().toStdString(),
                   colon < 0 ? std::string() : line.mid(colon + 1).trimmed().toStdString()});
  }
  return out;
}

ProbesModel::ProbesModel(ScenarioDocument* document, QObject* parent)
    : ScenarioTableModel(document, u"probes.sources"_s, parent) {}

int ProbesModel::count(const Scenario& s) const { return static_cast<int>(s.probes.sources.size()); }

QStringList ProbesModel::columns() const {
  return {tr("Source"),  tr("Label"),        tr("Query"),      tr("Restart query"),
          tr("Headers"), tr("Bearer token"), tr("Basic auth"), tr("CA file")};
}

QString ProbesModel::columnField(int column) const {
  switch (column) {
    case SourceColumn: return u"source"_s;
    case LabelColumn: return u"label"_s;
    case QueryColumn: return u"query"_s;
    case RestartQueryColumn: return u"restart_query"_s;
    case BearerTokenColumn: return u"bearer_token"_s;
    case BasicAuthColumn: return u"basic_auth"_s;
    case CaFileColumn: return u"ca_file"_s;
    default: return u"headers"_s;
  }
}

QString ProbesModel::columnTip(int column) const {
  switch (column) {
    case SourceColumn:
      return tr("A URL answering JSON or Prometheus text, pid:N, port:N, PRESET=URL (segmentation, conversion, "
                "aspnet-health), a path on the target such as /metrics or segmentation=/memory-stats, or "
                "prom:URL for a Prometheus server");
    case LabelColumn: return tr("Names this source's series; default: the preset's name or host:port");
    case QueryColumn:
      return tr("prom: sources: the PromQL query asked at each sample, one series per pod or container, such as "
                "container_memory_working_set_bytes{namespace=\"seg\"}");
    case RestartQueryColumn:
      return tr("prom: sources, optional: a counter whose rise is a restart, such as "
                "kube_pod_container_status_restarts_total{namespace=\"seg\"}");
    case BearerTokenColumn:
      return tr("URL or prom: sources: sent as \"Authorization: Bearer …\"; best a reference such as "
                "${ENV:PROM_TOKEN}, so the file holds no secret");
    case BasicAuthColumn:
      return tr("URL or prom: sources: user:password, the password best a reference such as ${ENV:PROM_PASSWORD}");
    case CaFileColumn:
      return tr("URL or prom: sources over https: the CA certificates (PEM) to check the server against, a path "
                "relative to the scenario file");
    default: return tr("Sent with every request to a URL or prom: source: Name: value; Name2: value2");
  }
}

QVariant ProbesModel::value(const Scenario& s, int row, int column) const {
  const auto& p = s.probes.sources[static_cast<std::size_t>(row)];
  switch (column) {
    case SourceColumn: return QString::fromStdString(p.source);
    case LabelColumn: return QString::fromStdString(p.label);
    case QueryColumn: return QString::fromStdString(p.query);
    case RestartQueryColumn: return QString::fromStdString(p.restart_query);
    case BearerTokenColumn: return QString::fromStdString(p.bearer_token);
    case BasicAuthColumn:
      if (p.basic_user.empty() && p.basic_password.empty()) return QString();
      return QString::fromStdString(p.basic_user + ":" + p.basic_password);
    case CaFileColumn: return QString::fromStdString(p.ca_file);
    default: return headers_text(p.headers);
  }
}

bool ProbesModel::setValue(Scenario& s, int row, int column, const QVariant& value) const {
  auto& p = s.probes.sources[static_cast<std::size_t>(row)];
  const QString text = value.toString().trimmed();
  switch (column) {
    case SourceColumn: p.source = text.toStdString(); break;
    case LabelColumn: p.label = text.toStdString(); break;
    case QueryColumn: p.query = text.toStdString(); break;
    case RestartQueryColumn: p.restart_query = text.toStdString(); break;
    case BearerTokenColumn: p.bearer_token = text.toStdString(); break;
    case BasicAuthColumn: {
      // A user name has no colon (RFC 7617): the first one ends it. Without
      // one the whole is the user, with an empty password.
      const qsizetype colon = text.indexOf(u':');
      p.basic_user = (colon < 0 ? text : text.left(colon)).toStdString();
      p.basic_password = colon < 0 ? std::string() : text.mid(colon + 1).toStdString();
      break;
    }
    case CaFileColumn: p.ca_file = text.toStdString(); break;
    default: p.headers = headers_from_text(text); break;
  }
  return true;
}

void ProbesModel::insertItem(Scenario& s, int at) const {
  s.probes.sources.insert(s.probes.sources.begin() + at, scenario::ProbeSource{"/metrics", "", {}});
}

void ProbesModel::removeItem(Scenario& s, int at) const { s.probes.sources.erase(s.probes.sources.begin() + at); }

}  // namespace lh::ui
