#include "scenario/parse_sections.h"

#include <cctype>
#include <cmath>

#include "common/quote_value.h"
#include "common/size.h"
#include "load/limits.h"
#include "probe/probe_config.h"
#include "scenario/field_reader.h"
#include "scenario/references.h"
#include "scenario/source_forms.h"
#include "scenario/target_url.h"

namespace lh::scenario::detail {
namespace {

using json = Json;
using Text = FieldReader::Text;

constexpr Seconds kAny{0};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A number past one of load/limits.h's limits, in the limit's own words
// (the same as bench's): "the limit is 20000 connections, got 20001".
bool over_limit(const FieldReader& r, std::string_view key, double limit, const std::string& limit_text) {
  const auto* v = r.find(key);
  if (!v || !v->is_number()) return false;
  // Whole numbers compare as integers: 2^53 + 1 is not 2^53 as a double.
  const bool over = v->is_number_unsigned() ? v->get<std::uint64_t>() > static_cast<std::uint64_t>(limit)
                    : v->is_number_integer() ? v->get<std::int64_t>() > static_cast<std::int64_t>(limit)
                                             : v->get<double>() > limit;
  if (!over) return false;
  r.problem(key, load::over_limit(limit_text, describe(*v)));
  return true;
}

std::string connections_limit() { return std::to_string(load::kMaxConcurrency) + " connections"; }
std::string rate_limit() { return std::to_string(static_cast<long long>(load::kMaxRate)) + " requests per second"; }

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
  const bool local = source.source.starts_with("pid:") || source.source.starts_with("port:");
  const bool prom = source.source.starts_with("prom:");
  if (auto bad = source_problem(source.source)) {
    sink.add(source_path, *bad);
    source.source.clear();
  } else if (!source.headers.empty() && local) {
    sink.add(child_path(where, "headers"), "headers only go with a URL source, not with a local process");
  } else if (local && (!source.basic_user.empty() || !source.bearer_token.empty() || !source.ca_file.empty())) {
    sink.add(child_path(where, !source.basic_user.empty() ? "basic_auth" : !source.bearer_token.empty() ? "bearer_token" : "ca_file"),
             "authentication only goes with a URL or prom: source, not with a local process");
  } else if (prom && source.query.empty()) {
    sink.add(child_path(where, "query"),
             "missing: a prom: source needs the PromQL query to ask, such as \"container_memory_working_set_bytes"
             "{namespace=\\\"seg\\\"}\"");
  } else if (!prom && !source.query.empty()) {
    sink.add(child_path(where, "query"), "a query only goes with a prom: source (\"prom:http://host:9090\")");
  } else if (!prom && !source.restart_query.empty()) {
    sink.add(child_path(where, "restart_query"), "a restart query only goes with a prom: source (\"prom:http://host:9090\")");
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
  if (!over_limit(r, "target", load::kMaxRate, rate_limit())) {
    stage.target = r.number("target", 0, load::kMaxRate, false, "expected a number >= 0").value_or(0);
  }
  return stage;
}

}  // namespace

Probes read_probes(const json& value, ProblemSink& sink) {
  FieldReader r(value, "probes", {"sources", "interval", "timeout", "watch", "memory_limit"}, sink);
  Probes p;
  if (!r.is_object()) return p;
  r.each("sources", [&](const json& item, const std::string& where) { p.sources.push_back(read_source(item, where, sink)); });
  if (!r.find("sources") || (r.find("sources")->is_array() && r.find("sources")->empty())) {
    r.problem("sources", "expected at least one source: a URL, pid:N, port:N, prom:URL, PRESET=URL, or a path such as "
                         "/memory-stats on the target");
  }
  std::erase_if(p.sources, [](const ProbeSource& s) { return s.source.empty(); });
  p.interval = r.duration("interval", probe::kMinInterval);
  p.timeout = r.duration("timeout", kAny);
  p.watch = r.text("watch");
  p.memory_limit = r.size("memory_limit");
  if (!p.memory_limit.empty() && !(parse_size(p.memory_limit) > 0)) {
    r.problem("memory_limit", "expected a positive size such as \"8GiB\", got " + quote_value(p.memory_limit));
    p.memory_limit.clear();
  }
  return p;
}

Load read_load(const json& value, ProblemSink& sink) {
  FieldReader r(value, "load",
                {"requests", "concurrency", "rate", "stages", "duration", "count", "timeout", "keep_alive", "http2",
                 "insecure", "check_length"},
                sink);
  Load load;
  if (!r.is_object()) return load;
  r.each("requests", [&](const json& item, const std::string& where) { load.requests.push_back(read_request(item, where, sink)); });
  if (!r.find("requests") || (r.find("requests")->is_array() && r.find("requests")->empty())) {
    r.problem("requests", "expected at least one request such as {\"method\": \"POST\", \"path\": \"/segment\", …}");
  }
  if (!over_limit(r, "concurrency", load::kMaxConcurrency, connections_limit())) {
    if (auto c = r.whole("concurrency", 1, load::kMaxConcurrency, "expected a whole number of connections, at least 1")) {
      load.concurrency = static_cast<int>(*c);
    }
  }
  if (!over_limit(r, "rate", load::kMaxRate, rate_limit())) {
    load.rate = r.number("rate", 0, load::kMaxRate, true, "expected a positive number of requests per second");
  }
  r.each("stages", [&](const json& item, const std::string& where) { load.stages.push_back(read_stage(item, where, sink)); });
  load.duration = r.duration("duration", kAny);
  const auto max_count = static_cast<std::int64_t>(load::kMaxCount);
  if (!over_limit(r, "count", static_cast<double>(max_count), std::to_string(max_count) + " requests")) {
    if (auto n = r.whole("count", 1, max_count, "expected a whole number of requests, at least 1")) {
      load.count = static_cast<std::uint64_t>(*n);
    }
  }
  load.timeout = r.duration("timeout", kAny);
  load.keep_alive = r.flag("keep_alive");
  load.http2 = r.flag("http2");
  load.insecure = r.flag("insecure");
  load.check_length = r.flag("check_length");

  if (!r.find("duration") && !r.find("count") && !r.find("stages")) {
    sink.add("load", "expected \"duration\", \"count\" or \"stages\": the run would never end");
  }
  if (load.concurrency && load.count && !r.find("rate") && static_cast<std::uint64_t>(*load.concurrency) > *load.count) {
    r.problem("concurrency", "cannot be more than \"count\" (" + std::to_string(*load.concurrency) + " > " +
                                 std::to_string(*load.count) + ")");
  }
  if (!r.find("rate")) {
    for (std::size_t i = 0; i < load.stages.size(); ++i) {
      if (const double t = load.stages[i].target; t > load::kMaxConcurrency) {
        const std::string got = t == std::floor(t) ? std::to_string(static_cast<long long>(t)) : describe(t);
        sink.add(index_path("load.stages", i) + ".target", load::over_limit(connections_limit(), got) +
                     " (without \"rate\", a stage's target is the concurrency)");
      }
    }
  }
  return load;
}

Leak read_leak(const json& value, ProblemSink& sink) {
  FieldReader r(value, "leak",
                {"warmup", "min_growth_per_hour", "min_growth_percent_per_hour", "alpha", "min_window", "max_gap"}, sink);
  Leak leak;
  if (!r.is_object()) return leak;
  leak.warmup = r.duration("warmup", kAny, /*zero_allowed=*/true);
  leak.min_growth_per_hour = r.size("min_growth_per_hour");
  leak.min_growth_percent_per_hour = r.number("min_growth_percent_per_hour", 0, 1000, false, "expected a percentage from 0 to 1000");
  leak.alpha = r.number("alpha", 0, 0.5, true, "expected a significance level between 0 and 0.5, such as 0.01");
  leak.min_window = r.duration("min_window", Seconds(10));
  leak.max_gap = r.duration("max_gap", Seconds(1));
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
