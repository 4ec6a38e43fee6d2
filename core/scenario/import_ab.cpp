#include "scenario/import_ab.h"

#include <algorithm>
#include <cctype>

#include "common/input_error.h"
#include "common/quote_value.h"
#include "scenario/redact.h"
#include "scenario/source_forms.h"
#include "scenario/target_url.h"

namespace lh::scenario {
namespace {

class Expander {
 public:
  explicit Expander(const EnvLookup& env) : env_(env) {}
  std::string operator()(const std::string& text) const {
    auto expanded = expand_references(text, env_);
    if (!expanded.missing.empty()) {
      throw InputError("$" + expanded.missing.front() + " is not set (the command line refers to it)");
    }
    return expanded.text;
  }

 private:
  const EnvLookup& env_;
};

// Every value expanded as the shell would have, but header and cookie
// values, whose references stay in the scenario.
load::AbOptions expanded(const load::AbOptions& o, const Expander& expand) {
  load::AbOptions e = o;
  for (auto* text : {&e.requests, &e.concurrency, &e.timelimit, &e.method, &e.post_file, &e.put_file, &e.content_type, &e.timeout, &e.url, &e.rate,
                     &e.upload, &e.upload_field}) {
    *text = expand(*text);
  }
  for (auto& s : e.stages) s = expand(s);
  return e;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

// "Name: value" lines (the plan's) as a headers object; a name given twice
// is joined as HTTP allows (cookies with "; ", others with ", ").
Headers headers_from(const std::vector<std::string>& lines) {
  Headers out;
  for (const auto& line : lines) {
    const auto colon = line.find(':');
    Header h{trimmed(std::string_view(line).substr(0, colon)), trimmed(std::string_view(line).substr(colon + 1))};
    auto same = std::find_if(out.begin(), out.end(), [&](const Header& o) {
      return lower(o.name) == lower(h.name);
    });
    if (same == out.end()) {
      out.push_back(std::move(h));
    } else {
      same->value += (lower(same->name) == "cookie" ? "; " : ", ") + h.value;
    }
  }
  return out;
}

// ab's -t 60 is 60 seconds; the scenario says so: "60s".
std::string duration_text(const std::string& typed) {
  const bool bare = !typed.empty() && typed.find_first_not_of("0123456789.") == std::string::npos;
  return bare ? typed + "s" : typed;
}

// A file as the person named it (relative to where they ran the command),
// named relative to the scenario's folder.
std::string relative_file(const std::filesystem::path& file, const std::filesystem::path& scenario_dir) {
  const auto from = std::filesystem::absolute(scenario_dir.empty() ? std::filesystem::current_path() : scenario_dir);
  return escape_literal(std::filesystem::absolute(file).lexically_normal().lexically_proximate(from).string());
}

}  // namespace

AbImport scenario_from_ab(const load::AbOptions& written, const std::vector<std::string>& monitors,
                          const std::filesystem::path& scenario_dir, const EnvLookup& env) {
  const Expander expand(env);
  const load::AbOptions options = expanded(written, expand);
  const load::LoadPlan plan = load::plan_from_ab(options);
  const auto& from = plan.requests.front();
  const auto url = split_origin(from.url);
  if (!url) throw InputError("URL: expected an http:// or https:// URL, got " + quote_value(from.url));

  AbImport out;
  Scenario& s = out.scenario;
  s.target = escape_literal(url->origin);
  Request q;
  q.method = from.method;
  q.path = escape_literal(url->path);
  q.headers = headers_from(from.headers);
  if (!from.body_file.empty()) q.body_file = relative_file(from.body_file, scenario_dir);
  if (!from.upload.empty()) {
    q.upload = relative_file(from.upload, scenario_dir);
    if (from.upload_field != "file") q.upload_field = from.upload_field;
  }
  q.content_type = escape_literal(from.content_type);
  Load& load = s.load.emplace();
  load.requests.push_back(std::move(q));

  load.concurrency = plan.concurrency;
  load.count = plan.count;
  if (!options.timelimit.empty()) load.duration = duration_text(options.timelimit);
  if (!options.timeout.empty()) load.timeout = duration_text(options.timeout);
  load.rate = plan.rate;
  for (std::size_t i = 0; i < plan.stages.size(); ++i) {
    const auto& typed = options.stages[i];
    load.stages.push_back({duration_text(typed.substr(0, typed.rfind(':'))), plan.stages[i].target});
  }
  if (!plan.keep_alive) load.keep_alive = false;
  if (plan.http2) load.http2 = true;
  if (plan.insecure) load.insecure = true;
  if (plan.check_length) load.check_length = true;

  for (const auto& m : monitors) {
    if (auto bad = source_problem(m)) throw InputError("--monitor " + quote_value(m) + ": " + *bad);
    s.probes.sources.push_back({m, {}, {}});
  }
  if (monitors.empty()) {
    out.notes.push_back("no --monitor given: add probes.sources before running (such as \"port:PORT\" or \"/memory-stats\")");
  }
  for (const auto& h : load.requests.front().headers) {
    if (is_secret_name(h.name) && !has_references(h.value)) {
      out.notes.push_back("the " + h.name + " header's secret is written into the scenario; use ${ENV:NAME} instead " +
                          "(write \"…$NAME…\" in the ab command, and the whole command in single quotes)");
    }
  }
  return out;
}

}  // namespace lh::scenario
