#include "load/request_mix.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/http_url.h"
#include "common/input_error.h"
#include "common/version.h"
#include "load/http1_exchange.h"

namespace lh::load {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read the body file " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> files_to_upload(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return {path.string()};
  if (!std::filesystem::is_directory(path, ec)) throw InputError("no such file or folder to upload: " + path.string());
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  if (files.empty()) throw InputError("the upload folder holds no file: " + path.string());
  std::sort(files.begin(), files.end());
  return files;
}

bool has_header(const std::vector<std::string>& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(), [&](const std::string& h) {
    return h.size() > name.size() && h[name.size()] == ':' &&
           std::equal(name.begin(), name.end(), h.begin(), [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  });
}

}  // namespace

PreparedRequest::PreparedRequest(const RequestTemplate& request, bool http2) : request_(request) {
  // HTTP/2 over TLS is negotiated (ALPN); over plain http:// it can only be
  // spoken by prior knowledge, which the person asking for it has.
  if (http2) http_version_ = request.url.starts_with("https:") ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE;
  body_ = request.body_file.empty() ? request.body : read_file(request.body_file);
  if (!request.upload.empty()) upload_files_ = files_to_upload(request.upload);
  for (const auto& h : request.headers) headers_ = curl_slist_append(headers_, h.c_str());
  const bool has_body = !body_.empty() || !request.body_file.empty();
  method_ = !request.method.empty() ? request.method : has_body || uploads() ? "POST" : "GET";
  if (has_body && !request.content_type.empty() && !has_header(request.headers, "Content-Type")) {
    headers_ = curl_slist_append(headers_, ("Content-Type: " + request.content_type).c_str());
  }
  // libcurl would ask large bodies to wait for "100 Continue", a round trip
  // that neither ab nor the services under test expect.
  if ((has_body || uploads()) && !has_header(request.headers, "Expect")) headers_ = curl_slist_append(headers_, "Expect:");
  if (!uploads()) {
    http1_bytes_ = http1_request_bytes(method_, request.url, request.headers,
                                       has_body ? std::string_view(request.content_type) : std::string_view(), body_,
                                       user_agent());
  }
}

PreparedRequest::~PreparedRequest() { curl_slist_free_all(headers_); }

void PreparedRequest::apply_to(CURL* easy) const {
  curl_easy_setopt(easy, CURLOPT_URL, request_.url.c_str());
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, http_version_);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers_);
  // Reset what another template may have set on this handle.
  curl_easy_setopt(easy, CURLOPT_MIMEPOST, nullptr);
  curl_easy_setopt(easy, CURLOPT_NOBODY, 0L);
  curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, nullptr);
  curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  const bool has_body = !body_.empty() || !request_.body_file.empty();
  if (has_body) {
    // libcurl reads the body from our buffer without copying it.
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body_.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body_.data());
  }
  if (method_ == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else if (method_ != (has_body || uploads() ? "POST" : "GET")) {
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method_.c_str());
  }
}

curl_mime* PreparedRequest::next_upload(CURL* easy) const {
  const auto& file = upload_files_[next_file_.fetch_add(1, std::memory_order_relaxed) % upload_files_.size()];
  curl_mime* mime = curl_mime_init(easy);
  curl_mimepart* part = curl_mime_addpart(mime);
  curl_mime_name(part, request_.upload_field.c_str());
  // Streamed from disk at send time; libcurl guesses the type from the
  // extension (.pdf → application/pdf) unless one was given.
  curl_mime_filedata(part, file.c_str());
  if (!request_.content_type.empty()) curl_mime_type(part, request_.content_type.c_str());
  curl_easy_setopt(easy, CURLOPT_MIMEPOST, mime);
  return mime;
}

const std::string& user_agent() {
  static const std::string agent = std::string("LeakHound/") + kVersion;
  return agent;
}

namespace {

// scheme|host|port of a URL, as libcurl lower-cases them; empty when it
// carries a user name (libcurl would send it as Basic auth).
std::string origin_of(const std::string& url) {
  const auto read = read_http_url(url);
  if (!read.url || !read.url->user.empty() || !read.url->password.empty()) return {};
  return read.url->scheme + "|" + read.url->host + "|" + std::to_string(read.url->port_number) + "|";
}

}  // namespace

RequestMix::RequestMix(const LoadPlan& plan) {
  double sum = 0;
  for (const auto& r : plan.requests) {
    requests_.push_back(std::make_unique<PreparedRequest>(r, plan.http2));
    sum += r.weight;
    cumulative_.push_back(sum);
  }
  // The fast path speaks plain HTTP/1.1 with keep-alive to one origin, with
  // bodies from memory; TLS, HTTP/2, uploads and the rest go through libcurl.
  const std::string origin = origin_of(plan.requests.front().url);
  fast_http1_ = plan.fast_http1 && plan.keep_alive && !plan.http2 && origin.starts_with("http|") &&
                std::all_of(plan.requests.begin(), plan.requests.end(), [&](const RequestTemplate& r) {
                  return r.upload.empty() && origin_of(r.url) == origin;
                });
}

}  // namespace lh::load
