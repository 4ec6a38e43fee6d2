#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lh::probe {

// HTTP basic authentication; the password is a secret, never printed.
struct BasicAuth {
  std::string user;
  std::string password;
  bool operator==(const BasicAuth&) const = default;
};

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::optional<BasicAuth> basic_auth{};
  std::string ca_file{};  // CA certificates (PEM) to trust for https, instead of the system's
};

struct HttpResponse {
  enum class Outcome {
    answered,      // an HTTP answer, whatever its status
    unreachable,   // refused, timed out, reset, closed without an answer
    bad_response,  // an answer that is not HTTP, cut short, or over the body cap
  };
  Outcome outcome = Outcome::unreachable;
  std::string error;  // one line, when not answered
  long status = 0;
  std::string content_type;
  std::string body;
};

struct FetchOptions {
  std::chrono::milliseconds timeout{1000};  // the whole request
  std::size_t max_body_bytes = 8u << 20;
};

// Fetches a fixed set of URLs, all at once, again and again: one libcurl
// multi handle with one easy handle per URL, so a slow source does not hold
// up the others and each source keeps its connection alive between ticks.
// Used by one thread; cancel() may be called from any.
class HttpFetcher {
 public:
  HttpFetcher(std::vector<HttpRequest> requests, FetchOptions options);
  ~HttpFetcher();
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  // Runs every request and returns their responses, in the order given,
  // when all are done or have timed out. Valid until the next call.
  const std::vector<HttpResponse>& fetch_all();

  // Makes a running and every later fetch_all() return at once, with the
  // unfinished requests reported unreachable. For shutting down.
  void cancel();

 private:
  struct Transfer;
  void finish(Transfer& transfer, int curl_code);

  FetchOptions options_;
  void* multi_ = nullptr;  // CURLM*
  std::vector<std::unique_ptr<Transfer>> transfers_;
  std::vector<HttpResponse> responses_;
  std::atomic<bool> cancelled_ = false;
};

}  // namespace lh::probe
