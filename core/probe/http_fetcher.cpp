#include "probe/http_fetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "common/duration.h"
#include "common/size.h"
#include "common/version.h"

namespace lh::probe {
namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Loopback never goes through a proxy, whatever http_proxy says; other
// hosts follow the environment as curl does.
std::string no_proxy_list() {
  std::string list = "localhost,127.0.0.1,::1";
  for (const char* name : {"no_proxy", "NO_PROXY"}) {
    if (const char* env = std::getenv(name); env != nullptr && *env != '\0') return list + "," + env;
  }
  return list;
}

}  // namespace

struct HttpFetcher::Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  HttpResponse* response = nullptr;
  std::size_t max_body = 0;
  bool over_cap = false;
  bool done = false;
  char error[CURL_ERROR_SIZE] = {};

  static size_t on_body(char* data, size_t size, size_t count, void* self) {
    auto& t = *static_cast<Transfer*>(self);
    const std::size_t n = size * count;
    if (t.response->body.size() + n > t.max_body) {
      // Returning less than given makes curl stop with CURLE_WRITE_ERROR.
      t.over_cap = true;
      return 0;
    }
    t.response->body.append(data, n);
    return n;
  }
};

HttpFetcher::HttpFetcher(std::vector<HttpRequest> requests, FetchOptions options) : options_(options) {
  init_curl_once();
  multi_ = curl_multi_init();
  responses_.resize(requests.size());
  const std::string user_agent = std::string("leakhound/") + kVersion;
  const std::string no_proxy = no_proxy_list();
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto t = std::make_unique<Transfer>();
    t->easy = curl_easy_init();
    t->response = &responses_[i];
    t->max_body = options_.max_body_bytes;
    for (const auto& h : requests[i].headers) t->headers = curl_slist_append(t->headers, h.c_str());
    CURL* e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, requests[i].url.c_str());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    // A Content-Length over the cap is refused before any of the body comes.
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes));
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, 3L);
    // No Accept-Encoding: compressing costs the watched service CPU while
    // it is under load, to save little on answers of a few KiB.
    curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_NOPROXY, no_proxy.c_str());
    if (const auto& auth = requests[i].basic_auth) {
      curl_easy_setopt(e, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
      curl_easy_setopt(e, CURLOPT_USERNAME, auth->user.c_str());
      curl_easy_setopt(e, CURLOPT_PASSWORD, auth->password.c_str());
    }
    if (!requests[i].ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, requests[i].ca_file.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    transfers_.push_back(std::move(t));
  }
}

HttpFetcher::~HttpFetcher() {
  for (auto& t : transfers_) {
    curl_multi_remove_handle(multi_, t->easy);
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
  }
  curl_multi_cleanup(multi_);
}

void HttpFetcher::cancel() {
  cancelled_ = true;
  curl_multi_wakeup(multi_);
}

void HttpFetcher::finish(Transfer& t, int code_value) {
  const auto code = static_cast<CURLcode>(code_value);
  HttpResponse& r = *t.response;
  t.done = true;
  long os_errno = 0;
  curl_easy_getinfo(t.easy, CURLINFO_OS_ERRNO, &os_errno);
  const std::string curl_says = t.error[0] != '\0' ? std::string(t.error) : curl_easy_strerror(code);
  switch (code) {
    case CURLE_OK: {
      r.outcome = HttpResponse::Outcome::answered;
      curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &r.status);
      const char* type = nullptr;
      curl_easy_getinfo(t.easy, CURLINFO_CONTENT_TYPE, &type);
      if (type != nullptr) r.content_type = type;
      return;
    }
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      r.outcome = HttpResponse::Outcome::bad_response;
      r.error = t.over_cap || code == CURLE_FILESIZE_EXCEEDED
                    ? "body over " + format_bytes(static_cast<double>(t.max_body)) + ", not read"
                    : curl_says;
      return;
    case CURLE_PARTIAL_FILE: {
      curl_off_t expected = -1;
      curl_easy_getinfo(t.easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
      r.outcome = HttpResponse::Outcome::bad_response;
      r.error = "body cut short: got " + std::to_string(r.body.size()) + " of " + std::to_string(expected) + " bytes";
      return;
    }
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_HTTP2:
      r.outcome = HttpResponse::Outcome::bad_response;
      r.error = "not a readable HTTP answer: " + curl_says;
      return;
    case CURLE_OPERATION_TIMEDOUT:
      r.outcome = HttpResponse::Outcome::unreachable;
      r.error = "no answer within " + format_duration(options_.timeout);
      return;
    case CURLE_COULDNT_CONNECT:
      r.outcome = HttpResponse::Outcome::unreachable;
      r.error = os_errno == ECONNREFUSED ? "connection refused" : curl_says;
      return;
    case CURLE_GOT_NOTHING:
      r.outcome = HttpResponse::Outcome::unreachable;
      r.error = "connection closed without an answer";
      return;
    case CURLE_RECV_ERROR:
      // No system error behind it: libcurl refused what the server sent
      // ("Too large response headers"). The server answered, badly.
      if (os_errno == 0) {
        r.outcome = HttpResponse::Outcome::bad_response;
        r.error = "not a readable HTTP answer: " + curl_says;
        return;
      }
      [[fallthrough]];
    case CURLE_SEND_ERROR:
      r.outcome = HttpResponse::Outcome::unreachable;
      r.error = os_errno == ECONNRESET ? "connection reset" : curl_says;
      return;
    default:
      r.outcome = HttpResponse::Outcome::unreachable;
      r.error = curl_says;
      return;
  }
}

const std::vector<HttpResponse>& HttpFetcher::fetch_all() {
  for (auto& t : transfers_) {
    // Field by field, so the body keeps its buffer from one tick to the next.
    HttpResponse& r = *t->response;
    r.outcome = HttpResponse::Outcome::unreachable;
    r.error.clear();
    r.status = 0;
    r.content_type.clear();
    r.body.clear();
    t->over_cap = false;
    t->done = false;
    t->error[0] = '\0';
    curl_multi_add_handle(multi_, t->easy);
  }
  // curl enforces each request's timeout; this guard only covers a curl
  // that somehow never reports back.
  const auto guard = std::chrono::steady_clock::now() + options_.timeout + std::chrono::seconds(1);
  int running = static_cast<int>(transfers_.size());
  while (running > 0 && !cancelled_ && std::chrono::steady_clock::now() < guard) {
    if (curl_multi_perform(multi_, &running) != CURLM_OK) break;
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
      finish(*t, msg->data.result);
    }
    if (running > 0) curl_multi_poll(multi_, nullptr, 0, 100, nullptr);
  }
  for (auto& t : transfers_) {
    if (!t->done) {
      t->response->outcome = HttpResponse::Outcome::unreachable;
      t->response->error = cancelled_ ? "cancelled" : "no answer within " + format_duration(options_.timeout);
    }
    curl_multi_remove_handle(multi_, t->easy);
  }
  return responses_;
}

}  // namespace lh::probe
