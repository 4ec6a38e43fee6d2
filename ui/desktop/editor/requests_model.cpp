#include "editor/requests_model.h"

#include "editor/scenario_document.h"

namespace lh::ui {

using namespace Qt::StringLiterals;

QString body_summary(const scenario::Request& r) {
  if (!r.upload.empty()) return RequestsModel::tr("upload: %1").arg(QString::fromStdString(r.upload));
  if (!r.body_file.empty()) return RequestsModel::tr("file: %1").arg(QString::fromStdString(r.body_file));
  if (r.body) {
    if (r.body->is_string()) {
      return RequestsModel::tr("text, %n byte(s)", nullptr, static_cast<int>(r.body->get<std::string>().size()));
    }
    return RequestsModel::tr("JSON, %n byte(s)", nullptr, static_cast<int>(r.body->dump().size()));
  }
  return RequestsModel::tr("none");
}

RequestsModel::RequestsModel(ScenarioDocument* document, QObject* parent)
    : ScenarioTableModel(document, u"load.requests"_s, parent) {}

int RequestsModel::count(const Scenario& s) const { return static_cast<int>(shown_load(s).requests.size()); }

QStringList RequestsModel::columns() const {
  return {tr("Name"), tr("Method"), tr("Path or URL"), tr("Body"), tr("Weight")};
}

QString RequestsModel::columnField(int column) const {
  switch (column) {
    case NameColumn: return u"name"_s;
    case MethodColumn: return u"method"_s;
    case TargetColumn: return u"path"_s;
    case BodyColumn: return u"body"_s;
    default: return u"weight"_s;
  }
}

QString RequestsModel::columnTip(int column) const {
  switch (column) {
    case NameColumn: return tr("For reports");
    case MethodColumn: return tr("GET, POST, …; empty: GET, or POST with a body or an upload");
    case TargetColumn: return tr("A path joined to the target (/segment), or an absolute URL");
    case BodyColumn: return tr("What the request sends: edit it below the table");
    default: return tr("How often, relative to the other requests");
  }
}

QVariant RequestsModel::value(const Scenario& s, int row, int column) const {
  const auto& r = shown_load(s).requests[static_cast<std::size_t>(row)];
  switch (column) {
    case NameColumn: return QString::fromStdString(r.name);
    case MethodColumn: return QString::fromStdString(r.method);
    case TargetColumn: return QString::fromStdString(r.url.empty() ? r.path : r.url);
    case BodyColumn: return body_summary(r);
    default: return r.weight.value_or(1.0);
  }
}

bool RequestsModel::setValue(Scenario& s, int row, int column, const QVariant& value) const {
  auto& r = load_to_edit(s).requests[static_cast<std::size_t>(row)];
  const QString text = value.toString().trimmed();
  switch (column) {
    case NameColumn: r.name = text.toStdString(); return true;
    case MethodColumn: r.method = text.toUpper().toStdString(); return true;
    case TargetColumn:
      // An absolute URL (or one from the environment) is a url; anything
      // else a path on the target.
      if (text.contains(u"://"_s) || text.startsWith(u"${"_s)) {
        r.url = text.toStdString();
        r.path.clear();
      } else {
        r.path = text.toStdString();
        r.url.clear();
      }
      return true;
    case WeightColumn: {
      bool ok = false;
      const double w = value.toDouble(&ok);
      if (!ok) return false;
      r.weight = (w == 1.0 && !r.weight) ? std::nullopt : std::optional<double>(w);
      return true;
    }
    default: return false;
  }
}

void RequestsModel::insertItem(Scenario& s, int at) const {
  scenario::Request r;
  if (at > 0) {
    r = load_to_edit(s).requests[static_cast<std::size_t>(at - 1)];
    r.name.clear();
  } else {
    r.method = "GET";
    r.path = "/";
  }
  auto& requests = load_to_edit(s).requests;
  requests.insert(requests.begin() + at, r);
}

void RequestsModel::removeItem(Scenario& s, int at) const {
  auto& requests = load_to_edit(s).requests;
  requests.erase(requests.begin() + at);
}

void RequestsModel::editRequest(int row, const std::function<void(scenario::Request&)>& change) {
  if (row < 0 || row >= rowCount()) return;
  document()->edit([&](Scenario& s) { change(load_to_edit(s).requests[static_cast<std::size_t>(row)]); });
  rowChanged(row);
}

}  // namespace lh::ui
