#include "scenario/k6_script.h"

#include <algorithm>
#include <cmath>

#include "common/input_error.h"
#include "common/quote_value.h"
#include "common/version.h"
#include "scenario/export_load.h"
#include "scenario/references.h"
#include "scenario/script_literals.h"

namespace lh::scenario {
namespace {

std::string seconds_text(double s) { return js_string(script_number(std::round(s * 1000) / 1000) + "s"); }

// k6 counts arrivals in whole numbers per timeUnit: the smallest unit (1 s,
// 10 s, …) in which the rate and every staged rate are whole.
double rate_unit(const ExportLoad& load) {
  std::vector<double> rates{*load.rate};
  for (const auto& [seconds, target] : load.stages) rates.push_back(target);
  for (double unit : {1.0, 10.0, 100.0, 1000.0}) {
    if (std::all_of(rates.begin(), rates.end(), [&](double r) { return std::fabs(r * unit - std::round(r * unit)) < 1e-9; })) {
      return unit;
    }
  }
  return 1000;
}

std::string stages_js(const std::vector<std::pair<double, double>>& stages, double scale) {
  std::string out = "[";
  for (const auto& [seconds, target] : stages) {
    out += std::string(out.size() > 1 ? ", " : "") + "{ duration: " + seconds_text(seconds) +
           ", target: " + script_number(std::round(target * scale)) + " }";
  }
  return out + "]";
}

// The k6 scenario, and whether its executor ends at the count itself.
std::string executor(const ExportLoad& load, bool* stops_at_count) {
  const std::string vus = std::to_string(load.concurrency);
  const auto timeline = staged_timeline(load);
  *stops_at_count = false;
  if (load.rate) {
    const double unit = rate_unit(load);
    const std::string rate_part = "timeUnit: " + seconds_text(unit) + ", preAllocatedVUs: " + vus + ", maxVUs: " + vus;
    if (!load.stages.empty()) {
      return "executor: \"ramping-arrival-rate\", startRate: " + script_number(std::round(*load.rate * unit)) + ", " +
             rate_part + ",\n      stages: " + stages_js(timeline, unit);
    }
    // A count at a constant rate is a duration: count / rate.
    double seconds = load.duration_s.value_or(0);
    if (load.count && (!load.duration_s || *load.count / *load.rate < *load.duration_s)) {
      seconds = static_cast<double>(*load.count) / *load.rate;
      *stops_at_count = true;
    }
    return "executor: \"constant-arrival-rate\", rate: " + script_number(std::round(*load.rate * unit)) + ", " +
           rate_part + ", duration: " + seconds_text(seconds);
  }
  if (!load.stages.empty()) {
    return "executor: \"ramping-vus\", startVUs: " + vus + ", stages: " + stages_js(timeline, 1);
  }
  if (load.count) {
    *stops_at_count = true;
    // k6 wants an end: a year, LeakHound's longest run, when the scenario gives no duration.
    return "executor: \"shared-iterations\", vus: " + vus + ", iterations: " + std::to_string(*load.count) +
           ", maxDuration: " + seconds_text(load.duration_s.value_or(366 * 86400.0));
  }
  return "executor: \"constant-vus\", vus: " + vus + ", duration: " + seconds_text(load.duration_s.value_or(0));
}

// The files of an upload, listed now: k6's open() cannot list a folder.
std::vector<std::string> upload_files(const Request& q, const std::string& where, const std::filesystem::path& base_dir) {
  if (has_references(q.upload)) {
    throw InputError(where + ".upload: k6 opens files by name when the script starts, so a path holding ${ENV:…} "
                     "cannot be listed when exporting; write the path itself");
  }
  const std::filesystem::path written(split_references(q.upload).front().literal);
  const std::filesystem::path path = written.is_absolute() ? written : base_dir / written;
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return {written.string()};
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec)) names.push_back(entry.path().filename().string());
  }
  if (names.empty()) throw InputError(where + ".upload: no file to upload in " + quote_value(path.string()));
  std::sort(names.begin(), names.end());
  for (auto& n : names) n = (written / n).string();
  return names;
}

std::string params(const ExportRequest& r) {
  std::string headers = "{";
  for (const Header& h : sent_headers(r)) {
    headers += (headers.size() > 1 ? ", " : "") + js_string(h.name) + ": " + js_text(h.value);
  }
  return "{ headers: " + headers + "}, tags: { name: " + js_string(r.name) + " }, timeout: TIMEOUT_MS }";
}

void write_request(std::string& out, std::size_t index, const ExportRequest& r) {
  const Request& q = *r.request;
  const std::string i = std::to_string(index);
  const std::string url = q.url.empty() ? "TARGET + " + js_text(q.path) : js_text(q.url);
  std::string body = "null";
  if (q.body) body = q.body->is_string() ? js_text(q.body->get<std::string>()) : js_json_text(*q.body);
  if (!q.body_file.empty()) body = "BODY_" + i;
  if (!q.upload.empty()) {
    const std::string type = r.content_type.empty() ? "undefined" : js_text(r.content_type);
    out += "let nextUpload" + i + " = 0;\n";
    body = "{ [" + js_string(q.upload_field.empty() ? "file" : q.upload_field) + "]: http.file(file.data, file.name, " + type + ") }";
  }
  out += "function request" + i + "() {\n";
  if (!q.upload.empty()) out += "  const file = UPLOADS_" + i + "[nextUpload" + i + "++ % UPLOADS_" + i + ".length];\n";
  out += "  return http.request(" + js_string(r.method) + ", " + url + ", " + body + ", " + params(r) + ");\n}\n\n";
}

}  // namespace

std::string k6_script(const Scenario& s, const std::filesystem::path& base_dir) {
  const ExportLoad load = export_load(s);
  bool stops_at_count = false;
  const std::string scenario_js = executor(load, &stops_at_count);
  std::string out;
  out += "// A k6 script written by LeakHound " + std::string(kVersion) + " (leakhound-cli export k6) from the scenario\n";
  out += "// named in SCENARIO below. Change the scenario and export again.\n//\n";
  out += "//   k6 run script.js\n";
  std::vector<std::string> names;
  auto add_names = [&](const std::string& text) {
    for (auto& n : referenced_names(text)) {
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
  };
  add_names(s.target);
  for (const auto& q : s.load->requests) {
    add_names(q.path), add_names(q.url), add_names(q.body_file), add_names(q.content_type);
    for (const auto& h : q.headers) add_names(h.value);
    if (q.body) {
      auto walk = [&](auto& self, const Json& v) -> void {
        if (v.is_string()) add_names(v.get<std::string>());
        if (v.is_structured()) for (const auto& item : v) self(self, item);
      };
      walk(walk, *q.body);
    }
  }
  if (!names.empty()) {
    out += "//\n// Read from k6's environment (k6 run -e NAME=…), never written here:";
    for (const auto& n : names) out += " " + n;
    out += "\n";
  }
  out += "// Files are opened under FILES_DIR when the script starts (-e LEAKHOUND_FILES_DIR=… elsewhere);\n";
  out += "// the files of an upload folder were listed when exporting.\n";
  if (s.load->http2.value_or(false) || s.load->check_length.value_or(false) || (load.count && !stops_at_count)) {
    out += "//\n// Not as LeakHound's own engine does it:\n";
    if (load.count && !stops_at_count) out += "// - the count is a threshold k6 checks every few seconds: it stops a little past it.\n";
    if (s.load->http2.value_or(false)) out += "// - http2: k6 uses HTTP/2 by itself over TLS when the server offers it, never over plain http://.\n";
    if (s.load->check_length.value_or(false)) out += "// - check_length: k6 has no length check.\n";
  }
  out += "\nimport http from \"k6/http\";\n\n";
  out += "const SCENARIO = " + js_string(s.name) + ";\n";
  out += "const FILES_DIR = __ENV.LEAKHOUND_FILES_DIR || " + js_string(base_dir.string()) + ";\n";
  out += "const TIMEOUT_MS = " + script_number(std::round(load.timeout_s * 1000)) + ";\n\n";
  out += R"JS(function env(name) {
  const value = __ENV[name];
  if (value === undefined) throw new Error(SCENARIO + ": set " + name + " with k6 run -e " + name + "=...");
  return value;
}

// A variable's value inside a JSON string of a body, as LeakHound sends it.
function jsonEscape(text) {
  return JSON.stringify(String(text)).slice(1, -1);
}

function filePath(path) {
  return path.startsWith("/") ? path : FILES_DIR + "/" + path;
}

)JS";
  out += "const TARGET = (" + (s.target.empty() ? std::string("\"\"") : js_text(s.target)) + ").replace(/\\/+$/, \"\");\n\n";
  for (std::size_t k = 0; k < load.requests.size(); ++k) {
    const Request& q = *load.requests[k].request;
    const std::string where = "load.requests[" + std::to_string(k) + "]";
    if (!q.body_file.empty()) {
      out += "const BODY_" + std::to_string(k) + " = open(filePath(" + js_text(q.body_file) + "), \"b\");\n";
    }
    if (!q.upload.empty()) {
      out += "const UPLOADS_" + std::to_string(k) + " = [\n";
      for (const auto& file : upload_files(q, where, base_dir)) {
        const std::string name = std::filesystem::path(file).filename().string();
        out += "  { name: " + js_string(name) + ", data: open(filePath(" + js_string(file) + "), \"b\") },\n";
      }
      out += "];\n";
    }
  }
  out += "\nexport const options = {\n";
  out += "  scenarios: {\n    leakhound: {\n      " + scenario_js + ",\n    },\n  },\n";
  if (load.count && !stops_at_count) {
    out += "  thresholds: {\n    http_reqs: [{ threshold: \"count<=" + std::to_string(*load.count) +
           "\", abortOnFail: true }],\n  },\n";
  }
  if (load.insecure) out += "  insecureSkipTLSVerify: true,\n";
  if (!load.keep_alive) out += "  noConnectionReuse: true,\n";
  out += "};\n\n";
  for (std::size_t k = 0; k < load.requests.size(); ++k) write_request(out, k, load.requests[k]);
  out += "const REQUESTS = [";
  for (std::size_t k = 0; k < load.requests.size(); ++k) {
    out += (k ? ", " : "") + std::string("[") + script_number(load.requests[k].weight) + ", request" + std::to_string(k) + "]";
  }
  out += "];\nconst TOTAL_WEIGHT = " + script_number(load.total_weight) + ";\n\n";
  out += R"JS(// One request a iteration, picked by weight.
export default function () {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [weight, send] of REQUESTS) {
    r -= weight;
    if (r < 0) return send();
  }
  return REQUESTS[REQUESTS.length - 1][1]();
}
)JS";
  return out;
}

}  // namespace lh::scenario
