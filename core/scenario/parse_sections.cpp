#include "scenario/parse_sections.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>

#include "analysis/parameters.h"
#include "common/duration.h"
#include "common/quote_value.h"
#include "common/size.h"
#include "load/field_rules.h"
#include "locust/locust_settings.h"
#include "probe/probe_config.h"
#include "probe/source_options.h"
#include "scenario/field_reader.h"
#include "scenario/references.h"
#include "scenario/source_forms.h"
#include "scenario/target_url.h"

namespace lh::scenario::detail {
namespace {

using json = Json;
using Text = FieldReader::Text;

constexpr Seconds kAny{0};

// Any finite number, and any whole number a double holds exactly: what a
// field reads as when its range is the checker's, not the reader's.
constexpr double kAnyNumber = -std::numeric_limits<double>::infinity();
constexpr std::int64_t kMaxWhole = std::int64_t{1} << 53;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A value read, then judged by its module's rule (load/field_rules.h):
// breaking it is a problem quoting the value as written, and the value
// reads as not written.
template <typename T, typename Rule>
std::optional<T> judged(const FieldReader& r, std::string_view key, std::optional<T> value, Rule rule) {
  if (!value) return value;
  if (auto broken = rule(*value)) {
    r.problem(key, *broken + ", got " + describe(*r.find(key)));
    return std::nullopt;
  }
  return value;
}

ProbeSource read_source(const json& item, const std::string& where, ProblemSink& sink) {
  ProbeSource source;
  std::string source_path = where;
  if (item.is_string() && !item.get_ref<const std::string&>().empty()) {
    source.source = item.get<std::string>();
  } else if (item.is_object()) {
    FieldReader r(item, where,
                  {"source", "label", "headers", "query", "restart_query", "basic_auth", "bearer_token", "ca_file"},
                  sink);
    source.label = r.text("label");
    source.headers = r.headers("headers");
    source.query = r.text("query");
    source.restart_query = r.text("restart_query");
    source.bearer_token = r.text("bearer_token", Text::value);
    source.ca_file = r.text("ca_file", Text::value);
    if (const json* auth = r.find("basic_auth")) {
      FieldReader a(*auth, r.path_of("basic_auth"), {"user", "password"}, sink);
      if (!a.is_object()) {
        r.problem("basic_auth", "expected {\"user\": …, \"password\": \"${ENV:NAME}\"}, got " + describe(*auth));
      } else {
        source.basic_user = a.text("user", Text::value);
        source.basic_password = a.text("password", Text::value);
        if (source.basic_user.empty() && !a.find("user")) a.problem("user", "missing: expected the user name");
        if (source.basic_password.empty() && !a.find("password")) {
          a.problem("password", "missing: expected the password, best as \"${ENV:NAME}\"");
        }
      }
    }
    if (!source.bearer_token.empty() && !source.basic_user.empty()) {
      r.problem("bearer_token", "expected either basic_auth or bearer_token, not both");
    }
    for (const auto& h : source.headers) {
      if (!source.bearer_token.empty() && h.name.size() == 13 && lower(h.name) == "authorization") {
        r.problem("bearer_token", "expected either bearer_token or an Authorization header, not both");
      }
    }
    if (!r.find("source")) {
      sink.add(where, "missing \"source\"");
      return source;
    }
    source_path = r.path_of("source");
    source.source = r.text("source", Text::value);
    if (source.source.empty()) return source;  // text() said why
  } else {
    sink.add(where, "expected a source such as \"port:8002\" or \"segmentation=/memory-stats\", or an object "
                    "{\"source\": …, \"headers\": {…}}, got " + describe(item));
    return source;
  }
  if (auto bad = source_problem(source.source)) {
    sink.add(source_path, *bad);
    source.source.clear();
    return source;
  }
  // What each kind of source takes is probe's rule; the reader names the
  // option as written (a bearer token is a header only once resolved).
  using probe::SourceOption;
  std::vector<SourceOption> given;
  if (!source.headers.empty()) given.push_back(SourceOption::headers);
  if (!source.basic_user.empty()) given.push_back(SourceOption::basic_auth);
  if (!source.bearer_token.empty()) given.push_back(SourceOption::bearer_token);
  if (!source.ca_file.empty()) given.push_back(SourceOption::ca_file);
  if (!source.query.empty()) given.push_back(SourceOption::query);
  if (!source.restart_query.empty()) given.push_back(SourceOption::restart_query);
  for (const auto& p : probe::option_problems(probe::kind_of(source.source), given)) {
    sink.add(child_path(where, std::string(probe::option_name(p.option))), p.rule);
  }
  return source;
}

Request read_request(const json& item, const std::string& where, ProblemSink& sink) {
  FieldReader r(item, where,
                {"name", "method", "path", "url", "headers", "body", "body_file", "content_type", "upload",
                 "upload_field", "weight"},
                sink);
  Request q;
  if (!r.is_object()) return q;
  q.name = r.text("name");
  q.method = r.text("method");
  if (q.method.find_first_of(" \t:/()<>@,;\\\"[]?={}") != std::string::npos) {
    r.problem("method", "expected an HTTP method such as GET or POST, got " + quote_value(q.method));
    q.method.clear();
  }
  q.path = r.text("path", Text::value);
  if (!q.path.empty() && !q.path.starts_with('/') && !q.path.starts_with("${")) {
    r.problem("path", "expected a path starting with / such as \"/segment\", got " + quote_value(q.path));
    q.path.clear();
  }
  q.url = r.text("url", Text::value);
  if (!q.url.empty() && !has_references(q.url)) {
    if (auto bad = url_problem(q.url)) {
      r.problem("url", *bad);
      q.url.clear();
    }
  }
  if (r.find("path") && r.find("url")) sink.add(where, "give \"path\" (joined to the target) or \"url\", not both");
  if (!r.find("path") && !r.find("url")) sink.add(where, "missing \"path\" (joined to the target) or \"url\"");
  q.headers = r.headers("headers");
  if (const auto* body = r.find("body")) {
    if (body->is_string() || body->is_object() || body->is_array()) {
      const auto before = sink.size();
      check_references(*body, r.path_of("body"), sink);
      if (sink.size() == before) q.body = *body;
    } else {
      r.problem("body", "expected a string, or an object or list sent as JSON, got " + describe(*body));
    }
  }
  q.body_file = r.text("body_file", Text::value);
  q.content_type = r.text("content_type", Text::value);
  q.upload = r.text("upload", Text::value);
  q.upload_field = r.text("upload_field");
  q.weight = r.number("weight", 0, 1e9, true, "expected a positive number");
  const int bodies = (r.find("body") ? 1 : 0) + (r.find("body_file") ? 1 : 0) + (r.find("upload") ? 1 : 0);
  if (bodies > 1) sink.add(where, "give one of \"body\", \"body_file\" and \"upload\", not several");
  if (r.find("upload_field") && !r.find("upload")) r.problem("upload_field", "goes with \"upload\", which is missing");
  return q;
}

Stage read_stage(const json& item, const std::string& where, ProblemSink& sink) {
  FieldReader r(item, where, {"duration", "target"}, sink);
  Stage stage;
  if (!r.is_object()) return stage;
  if (!r.find("duration")) sink.add(where, "missing \"duration\"");
  if (!r.find("target")) sink.add(where, "missing \"target\" (the concurrency, or with \"rate\" the rate, to reach)");
  stage.duration = r.duration("duration", kAny);
  stage.target = r.number("target", kAnyNumber, -kAnyNumber, true, "expected a number").value_or(0);
  return stage;  // its range depends on "rate": read_load() checks it
}

// "engine", and what goes with Locust: "workers" here or a "master" elsewhere.
void read_engine(const FieldReader& r, ProblemSink& sink, Load& load) {
  load.engine = r.text("engine");
  if (!load.engine.empty() && load.engine != kEngineLeakHound && load.engine != kEngineLocust) {
    r.problem("engine", "expected \"leakhound\" or \"locust\", got " + quote_value(load.engine));
    load.engine.clear();
  }
  if (auto w = r.whole("workers", 1, locust::kMaxLocalWorkers,
                       "expected a whole number of Locust workers from 1 to " + std::to_string(locust::kMaxLocalWorkers))) {
    load.workers = static_cast<int>(*w);
  }
  load.master = r.text("master", Text::value);
  if (!load.master.empty() && !has_references(load.master)) {
    if (auto bad = target_problem(load.master)) {
      r.problem("master", "Locust's web UI: " + *bad);
      load.master.clear();
    }
  }
  if (load.engine != kEngineLocust) {
    for (const char* key : {"workers", "master"}) {
      if (r.find(key)) r.problem(key, "goes with \"engine\": \"locust\"");
    }
    return;
  }
  if (r.find("workers") && r.find("master")) {
    sink.add("load", "give \"workers\" (started here) or \"master\" (a Locust running elsewhere), not both");
  }
  // Locust's HttpUser sends HTTP/1.1 through python-requests, which has no length check.
  if (load.http2.value_or(false)) r.problem("http2", "Locust sends HTTP/1.1 only; remove it or use \"engine\": \"leakhound\"");
  if (load.check_length.value_or(false)) {
    r.problem("check_length", "Locust has no length check; remove it or use \"engine\": \"leakhound\"");
  }
}

}  // namespace

Probes read_probes(const json& value, ProblemSink& sink) {
  FieldReader r(value, "probes",
                {"sources", "interval", "timeout", "watch", "memory_limit", "request_counter", "duration"}, sink);
  Probes p;
  if (!r.is_object()) return p;
  r.each("sources", [&](const json& item, const std::string& where) { p.sources.push_back(read_source(item, where, sink)); });
  if (!r.find("sources") || (r.find("sources")->is_array() && r.find("sources")->empty())) {
    r.problem("sources", "expected at least one source: a URL, pid:N, port:N, prom:URL, PRESET=URL, or a path such as "
                         "/memory-stats on the target");
  }
  std::erase_if(p.sources, [](const ProbeSource& s) { return s.source.empty(); });
  p.interval = r.duration("interval", kAny);
  if (!p.interval.empty()) {
    if (auto broken = probe::interval_rule(parse_duration(p.interval))) {
      r.problem("interval", *broken + ", got " + quote_value(p.interval));
      p.interval.clear();
    }
  }
  p.timeout = r.duration("timeout", kAny);
  if (!p.timeout.empty()) {
    if (auto broken = probe::timeout_rule(parse_duration(p.timeout))) {
      r.problem("timeout", *broken + ", got " + quote_value(p.timeout));
      p.timeout.clear();
    }
  }
  p.watch = r.text("watch");
  p.memory_limit = r.size("memory_limit");
  if (!p.memory_limit.empty() && !(parse_size(p.memory_limit) > 0)) {
    r.problem("memory_limit", "expected a positive size such as \"8GiB\", got " + quote_value(p.memory_limit));
    p.memory_limit.clear();
  }
  p.request_counter = r.text("request_counter");
  p.duration = r.duration("duration", kAny);
  return p;
}

Load read_load(const json& value, ProblemSink& sink) {
  FieldReader r(value, "load",
                {"requests", "concurrency", "rate", "stages", "duration", "count", "timeout", "keep_alive", "http2",
                 "insecure", "check_length", "engine", "workers", "master"},
                sink);
  Load load;
  if (!r.is_object()) return load;
  r.each("requests", [&](const json& item, const std::string& where) { load.requests.push_back(read_request(item, where, sink)); });
  if (!r.find("requests") || (r.find("requests")->is_array() && r.find("requests")->empty())) {
    r.problem("requests", "expected at least one request such as {\"method\": \"POST\", \"path\": \"/segment\", …}");
  }
  // Each number is read as the kind of number it is, then judged by the
  // load's own rule for it (load/field_rules.h), as bench's options are.
  load.concurrency = judged(r, "concurrency", r.whole("concurrency", -kMaxWhole, kMaxWhole, "expected a whole number of connections"),
                            load::concurrency_rule);
  load.rate = judged(r, "rate", r.number("rate", kAnyNumber, -kAnyNumber, true, "expected a number of requests per second"),
                     load::rate_rule);
  r.each("stages", [&](const json& item, const std::string& where) { load.stages.push_back(read_stage(item, where, sink)); });
  load.duration = r.duration("duration", kAny);
  if (const auto* count = r.find("count"); count && count->is_number_unsigned()) {
    // Past 2^53 too, so the limit is what the problem names.
    load.count = judged(r, "count", std::optional(count->get<std::uint64_t>()), load::count_rule);
  } else if (auto n = r.whole("count", 0, kMaxWhole, "expected a whole number of requests")) {
    load.count = judged(r, "count", std::optional(static_cast<std::uint64_t>(*n)), load::count_rule);
  }
  load.timeout = r.duration("timeout", kAny);
  load.keep_alive = r.flag("keep_alive");
  load.http2 = r.flag("http2");
  load.insecure = r.flag("insecure");
  load.check_length = r.flag("check_length");
  read_engine(r, sink, load);

  if (!r.find("duration") && !r.find("count") && !r.find("stages")) {
    sink.add("load", "expected \"duration\", \"count\" or \"stages\": the run would never end");
  }
  if (load.concurrency && load.count && !r.find("rate")) {
    if (auto problem = load::concurrency_count_problem(*load.concurrency, *load.count)) r.problem("concurrency", *problem);
  }
  if (const auto* stages = r.find("stages"); stages && stages->is_array()) {
    for (std::size_t i = 0; i < stages->size(); ++i) {
      const Json& stage = (*stages)[i];
      if (!stage.is_object() || !stage.contains("target") || !number_of(stage.at("target"))) continue;  // read_stage said why
      const Json& target = stage.at("target");
      if (auto broken = load::stage_target_rule(number_of(target)->value, r.find("rate") != nullptr)) {
        sink.add(index_path("load.stages", i) + ".target", *broken + ", got " + describe(target));
      }
    }
  }
  return load;
}

Leak read_leak(const json& value, ProblemSink& sink) {
  FieldReader r(value, "leak",
                {"warmup", "min_growth_per_hour", "min_growth_percent_per_hour", "alpha", "min_window", "min_window_fast",
                 "max_gap"},
                sink);
  Leak leak;
  if (!r.is_object()) return leak;
  leak.warmup = r.duration("warmup", kAny, /*zero_allowed=*/true);
  leak.min_growth_per_hour = r.size("min_growth_per_hour");
  leak.min_growth_percent_per_hour = r.number("min_growth_percent_per_hour", 0, 1000, false, "expected a percentage from 0 to 1000");
  leak.alpha = r.number("alpha", 0, 0.5, true, "expected a significance level between 0 and 0.5, such as 0.01");
  leak.min_window = r.duration("min_window", Seconds(10));
  leak.min_window_fast = r.duration("min_window_fast", Seconds(10));
  leak.max_gap = r.duration("max_gap", Seconds(1));
  // Fast growth is called on a shorter window than steady growth, never a
  // longer one: one that holds every verdict back raises both.
  if (!leak.min_window_fast.empty()) {
    const Seconds steady = leak.min_window.empty() ? Seconds(analysis::AnalysisParameters{}.min_window_s)
                                                   : parse_duration(leak.min_window);
    if (parse_duration(leak.min_window_fast) > steady) {
      r.problem("min_window_fast", "expected at most min_window (" + format_duration(steady) + "), got " +
                                       leak.min_window_fast + "; to hold every verdict back that long, set both");
    }
  }
  return leak;
}

Report read_report(const json& value, ProblemSink& sink) {
  FieldReader r(value, "report", {"title", "series"}, sink);
  Report report;
  if (!r.is_object()) return report;
  report.title = r.text("title");
  report.series = r.texts("series");
  return report;
}

}  // namespace lh::scenario::detail
