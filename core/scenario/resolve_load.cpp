#include <system_error>

#include "common/quote_value.h"
#include "scenario/field_reader.h"
#include "scenario/references.h"
#include "scenario/resolver.h"
#include "scenario/target_url.h"

namespace lh::scenario::detail {
namespace {

// The request's URL: its own, or its path joined to the target.
void resolve_url(const Request& q, const std::string& where, Resolver& r, load::RequestTemplate& out) {
  if (!q.url.empty()) {
    const auto url = r.expand(q.url, where + ".url");
    if (!url) return;
    if (auto bad = url_problem(*url)) {
      // A variable may hold a secret: its value is never printed.
      r.problem(where + ".url", has_references(q.url) ? "not a URL once its ${ENV:…} references are replaced" : *bad);
      return;
    }
    out.url = *url;
  } else if (!q.path.empty()) {
    const auto path = r.expand(q.path, where + ".path");
    if (!path || !r.has_target_for(where + ".path")) return;
    out.url = join_target(r.target, *path);
    if (url_problem(out.url)) r.problem(where + ".path", "does not make a URL joined to the target");
  }
}

void resolve_body(const Request& q, const std::string& where, Resolver& r, load::RequestTemplate& out) {
  if (q.body) {
    if (auto body = r.expand_json(*q.body, where + ".body")) out.body = *body;
    // As ab's -p: text/plain unless said otherwise; JSON written as JSON is JSON.
    out.content_type = q.body->is_string() ? "text/plain" : "application/json";
  }
  if (!q.body_file.empty()) {
    if (auto file = r.file(q.body_file, where + ".body_file")) {
      std::error_code ec;
      if (std::filesystem::is_regular_file(*file, ec)) {
        out.body_file = *file;
      } else {
        r.problem(where + ".body_file", "no such file: " + quote_value(file->string()));
      }
    }
    out.content_type = "text/plain";
  }
  if (!q.upload.empty()) {
    if (auto upload = r.file(q.upload, where + ".upload")) {
      std::error_code ec;
      bool has_file = std::filesystem::is_regular_file(*upload, ec);
      if (std::filesystem::is_directory(*upload, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(*upload, ec)) has_file = has_file || entry.is_regular_file(ec);
        if (!has_file) r.problem(where + ".upload", "the folder holds no file to upload: " + quote_value(upload->string()));
      } else if (!has_file) {
        r.problem(where + ".upload", "no such file or folder: " + quote_value(upload->string()));
      }
      if (has_file) out.upload = *upload;
    }
    // Each part says its own type when none is given.
    out.content_type.clear();
  }
  if (!q.upload_field.empty()) out.upload_field = q.upload_field;
  if (!q.content_type.empty()) {
    if (auto type = r.expand(q.content_type, where + ".content_type")) out.content_type = *type;
  }
}

}  // namespace

void resolve_load(const Load& load, Resolver& r, load::LoadPlan& out) {
  out.requests.clear();
  for (std::size_t i = 0; i < load.requests.size(); ++i) {
    const auto& q = load.requests[i];
    const std::string where = index_path("load.requests", i);
    load::RequestTemplate t;
    t.method = q.method;
    resolve_url(q, where, r, t);
    for (const auto& h : q.headers) {
      if (auto header = r.header(h, child_path(where + ".headers", h.name))) t.headers.push_back(*header);
    }
    resolve_body(q, where, r, t);
    if (q.weight) t.weight = *q.weight;
    out.requests.push_back(std::move(t));
  }
  // The reader has checked every value below. The defaults are bench's.
  out.rate = load.rate;
  out.concurrency = load.concurrency.value_or(load.rate ? 100 : 1);
  out.stages.clear();
  for (const auto& s : load.stages) {
    // A stage read with a problem has no duration; the problem was reported.
    if (!s.duration.empty()) out.stages.push_back({parse_duration(s.duration), s.target});
  }
  if (!load.duration.empty()) out.duration = parse_duration(load.duration);
  out.count = load.count;
  if (!load.timeout.empty()) out.timeout = parse_duration(load.timeout);
  out.keep_alive = load.keep_alive.value_or(true);
  out.http2 = load.http2.value_or(false);
  out.insecure = load.insecure.value_or(false);
  out.check_length = load.check_length.value_or(false);
}

}  // namespace lh::scenario::detail
