#include "load/load_plan.h"

#include <cmath>
#include <curl/curl.h>

#include "common/http_url.h"
#include "common/quote_value.h"
#include "load/field_rules.h"
#include "load/limits.h"

namespace lh::load {
namespace {

// RFC 9110's token: what a method and a header name are made of. Anything
// else (a space, CR, LF, NUL) would let the value write its own header
// lines or requests into what we send: request smuggling.
bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (unsigned char c : text) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

void check_header(const std::string& where, const std::string& header, Problems& out) {
  const auto colon = header.find(':');
  const std::string_view name = std::string_view(header).substr(0, colon);
  if (colon == std::string::npos || !is_token(name)) {
    out.push_back({where, "expected \"Name: value\" with a name of letters, digits and !#$%&'*+-.^_`|~, got " +
                     quote_value(header)});
  }
  if (header.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
    out.push_back({where, "a header cannot hold a line break or NUL (it would write lines of its own into the "
                             "request), got " + quote_value(header)});
  }
}

void check_request(const std::string& where, const RequestTemplate& r, Problems& out) {
  if (auto read = read_http_url(r.url, "http://127.0.0.1:8080/path"); !read.url) {
    out.push_back({where + ".url", read.problem});
  }
  if (!r.method.empty() && !is_token(r.method)) {
    out.push_back({where + ".method", "expected an HTTP method such as GET or POST, got " + quote_value(r.method)});
  }
  if (!r.body.empty() && !r.body_file.empty()) {
    out.push_back({where, "give a body or a body file, not both"});
  }
  if (!r.upload.empty() && (!r.body.empty() || !r.body_file.empty())) {
    out.push_back({where, "an upload is the body; give either an upload or a body"});
  }
  std::error_code ec;
  if (!r.body_file.empty() && !std::filesystem::is_regular_file(r.body_file, ec)) {
    out.push_back({where + ".body_file", "no such file: " + quote_value(r.body_file.string())});
  }
  if (!r.upload.empty() && !std::filesystem::exists(r.upload, ec)) {
    out.push_back({where + ".upload", "no such file or folder: " + quote_value(r.upload.string())});
  }
  for (const auto& h : r.headers) check_header(where + ".headers", h, out);
  if (r.content_type.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
    out.push_back({where + ".content_type", "a header cannot hold a line break or NUL, got " + quote_value(r.content_type)});
  }
  if (!(r.weight > 0) || !std::isfinite(r.weight)) {
    out.push_back({where + ".weight", "expected a positive number, got " + number_text(r.weight)});
  }
}

// The connections a plan may open at once: its concurrency, or a closed
// run's largest stage target.
double most_connections(const LoadPlan& plan) {
  double most = plan.concurrency;
  if (!plan.rate) {
    for (const auto& s : plan.stages) most = std::max(most, std::ceil(s.target));
  }
  return most;
}

}  // namespace

bool has_end(const LoadPlan& plan) { return plan.count || plan.duration || !plan.stages.empty(); }

int files_needed(const LoadPlan& plan) { return static_cast<int>(most_connections(plan)) + kReservedFiles; }

Problems check(const LoadPlan& plan) {
  Problems out;
  if (plan.requests.empty()) out.push_back({"requests", "expected at least one request"});
  for (std::size_t i = 0; i < plan.requests.size(); ++i) {
    check_request("requests[" + std::to_string(i) + "]", plan.requests[i], out);
  }
  // A broken rule, with the value given.
  const auto add = [&out](std::string path, std::optional<std::string> rule, const std::string& given) {
    if (rule) out.push_back({std::move(path), *rule + ", got " + given});
  };
  if (plan.count) add("count", count_rule(*plan.count), std::to_string(*plan.count));
  if (plan.duration && !(plan.duration->count() > 0)) {
    out.push_back({"duration", "expected a positive duration, got " + format_duration(*plan.duration)});
  }
  if (plan.duration && plan.duration->count() > kMaxRunSeconds) {
    out.push_back({"duration", over_limit("366 days", format_duration(*plan.duration))});
  }
  add("concurrency", concurrency_rule(plan.concurrency), std::to_string(plan.concurrency));
  if (plan.count && !plan.rate) {
    if (auto problem = concurrency_count_problem(plan.concurrency, *plan.count)) out.push_back({"concurrency", *problem});
  }
  if (plan.rate) add("rate", rate_rule(*plan.rate), number_text(*plan.rate));
  double stages_s = 0;
  for (std::size_t i = 0; i < plan.stages.size(); ++i) {
    const auto& s = plan.stages[i];
    const std::string where = "stages[" + std::to_string(i) + "]";
    if (!(s.duration.count() > 0) || !std::isfinite(s.duration.count())) {
      out.push_back({where + ".duration", "expected a positive duration"});
    }
    add(where + ".target", stage_target_rule(s.target, plan.rate.has_value()), number_text(s.target));
    stages_s += s.duration.count();
  }
  if (stages_s > kMaxRunSeconds) {
    out.push_back({"stages", over_limit("366 days in all", format_duration(Seconds(stages_s)))});
  }
  if (!(plan.timeout.count() > 0)) out.push_back({"timeout", "expected a positive duration"});
  if (plan.timeout.count() > kMaxTimeoutSeconds) {
    out.push_back({"timeout", over_limit("1 day per request", format_duration(plan.timeout))});
  }
  if (plan.threads < 0) out.push_back({"threads", "expected 0 (automatic) or more, got " + std::to_string(plan.threads)});
  if (plan.threads > kMaxThreads) {
    out.push_back({"threads", over_limit(std::to_string(kMaxThreads) + " threads", std::to_string(plan.threads))});
  }
  // libcurl before 8.0 breaks HTTP/2 by prior knowledge on a reused
  // connection ("Error in the HTTP2 framing layer" from the second request
  // on: curl issue 10634); Debian 12 ships 7.88.
  if (plan.http2 && curl_version_info(CURLVERSION_NOW)->version_num < 0x080000) {
    for (const auto& r : plan.requests) {
      const auto read = read_http_url(r.url);  // a URL that does not read is a problem of its own, above
      if (read.url && read.url->scheme == "http") {
        out.push_back({"http2", std::string("HTTP/2 over plain http:// needs libcurl 8.0 or later (this is ") +
                                    curl_version_info(CURLVERSION_NOW)->version + "); use an https:// URL"});
        break;
      }
    }
  }
  if (!has_end(plan)) out.push_back({"", "expected a number of requests, a duration or stages: the run would never end"});
  return out;
}

void validate(const LoadPlan& plan) { throw_first(check(plan)); }

}  // namespace lh::load
