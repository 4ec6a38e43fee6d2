#include "load/load_plan.h"

#include <cmath>
#include <curl/curl.h>
#include <memory>

#include "common/input_error.h"

namespace lh::load {
namespace {

std::string number(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// libcurl's own URL parser decides what it will accept, so a URL that
// passes here is one the engine can send to.
void validate_url(const std::string& where, const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), &curl_url_cleanup);
  if (url.empty()) throw InputError(where + ": expected a URL such as http://127.0.0.1:8080/path, got nothing");
  if (curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    throw InputError(where + ": expected a URL such as http://127.0.0.1:8080/path, got \"" + url + "\"");
  }
  char* scheme = nullptr;
  curl_url_get(parsed.get(), CURLUPART_SCHEME, &scheme, 0);
  const std::string s = scheme ? scheme : "";
  curl_free(scheme);
  if (s != "http" && s != "https") {
    throw InputError(where + ": expected an http:// or https:// URL, got \"" + url + "\"");
  }
}

void validate_request(const std::string& where, const RequestTemplate& r) {
  validate_url(where + ".url", r.url);
  if (r.method.find_first_of(" \t\r\n:/") != std::string::npos) {
    throw InputError(where + ".method: expected an HTTP method such as GET or POST, got \"" + r.method + "\"");
  }
  if (!r.body.empty() && !r.body_file.empty()) {
    throw InputError(where + ": give a body or a body file, not both");
  }
  if (!r.upload.empty() && (!r.body.empty() || !r.body_file.empty())) {
    throw InputError(where + ": an upload is the body; give either an upload or a body");
  }
  std::error_code ec;
  if (!r.body_file.empty() && !std::filesystem::is_regular_file(r.body_file, ec)) {
    throw InputError(where + ".body_file: no such file: " + r.body_file.string());
  }
  if (!r.upload.empty() && !std::filesystem::exists(r.upload, ec)) {
    throw InputError(where + ".upload: no such file or folder: " + r.upload.string());
  }
  for (const auto& h : r.headers) {
    const auto colon = h.find(':');
    if (colon == 0 || colon == std::string::npos || h.find_first_of("\r\n") != std::string::npos) {
      throw InputError(where + ".headers: expected \"Name: value\", got \"" + h + "\"");
    }
  }
  if (!(r.weight > 0) || !std::isfinite(r.weight)) {
    throw InputError(where + ".weight: expected a positive number, got " + number(r.weight));
  }
}

}  // namespace

bool has_end(const LoadPlan& plan) { return plan.count || plan.duration || !plan.stages.empty(); }

void validate(const LoadPlan& plan) {
  if (plan.requests.empty()) throw InputError("requests: expected at least one request");
  for (std::size_t i = 0; i < plan.requests.size(); ++i) {
    validate_request(plan.requests.size() == 1 ? std::string("request") : "requests[" + std::to_string(i) + "]",
                     plan.requests[i]);
  }
  if (plan.count && *plan.count == 0) throw InputError("count: expected at least 1 request, got 0");
  if (plan.duration && !(plan.duration->count() > 0)) {
    throw InputError("duration: expected a positive duration, got " + format_duration(*plan.duration));
  }
  if (plan.concurrency < 1) {
    throw InputError("concurrency: expected at least 1, got " + std::to_string(plan.concurrency));
  }
  if (plan.count && static_cast<std::uint64_t>(plan.concurrency) > *plan.count && !plan.rate) {
    throw InputError("concurrency: cannot be more than the number of requests (" + std::to_string(plan.concurrency) +
                     " > " + std::to_string(*plan.count) + ")");
  }
  if (plan.rate && !(*plan.rate > 0 && std::isfinite(*plan.rate))) {
    throw InputError("rate: expected a positive number of requests per second, got " + number(*plan.rate));
  }
  for (std::size_t i = 0; i < plan.stages.size(); ++i) {
    const auto& s = plan.stages[i];
    const std::string where = "stages[" + std::to_string(i) + "]";
    if (!(s.duration.count() > 0)) throw InputError(where + ".duration: expected a positive duration");
    if (!(s.target >= 0) || !std::isfinite(s.target)) {
      throw InputError(where + ".target: expected a number >= 0, got " + number(s.target));
    }
    if (!plan.rate && s.target > 100000) {
      throw InputError(where + ".target: expected at most 100000 connections, got " + number(s.target));
    }
  }
  if (!(plan.timeout.count() > 0)) throw InputError("timeout: expected a positive duration");
  if (plan.threads < 0) throw InputError("threads: expected 0 (automatic) or more, got " + std::to_string(plan.threads));
  // libcurl before 8.0 breaks HTTP/2 by prior knowledge on a reused
  // connection ("Error in the HTTP2 framing layer" from the second request
  // on: curl issue 10634); Debian 12 ships 7.88.
  if (plan.http2 && curl_version_info(CURLVERSION_NOW)->version_num < 0x080000) {
    for (const auto& r : plan.requests) {
      if (r.url.starts_with("http:")) {
        throw InputError(std::string("http2: HTTP/2 over plain http:// needs libcurl 8.0 or later (this is ") +
                         curl_version_info(CURLVERSION_NOW)->version + "); use an https:// URL");
      }
    }
  }
  if (!has_end(plan)) throw InputError("expected a number of requests, a duration or stages: the run would never end");
}

}  // namespace lh::load
