#pragma once

#include <curl/curl.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "load/load_plan.h"

namespace lh::load {

// A request template made ready to send: its body read, its upload folder
// listed, its header list built, once, before the run, so that sending it
// costs no file access or allocation beyond libcurl's own.
class PreparedRequest {
 public:
  PreparedRequest(const RequestTemplate& request, bool http2);
  ~PreparedRequest();
  PreparedRequest(const PreparedRequest&) = delete;
  PreparedRequest& operator=(const PreparedRequest&) = delete;

  // Sets URL, method, headers and body on a handle (done again only when
  // the handle sends another template).
  void apply_to(CURL* easy) const;
  bool uploads() const { return !upload_files_.empty(); }
  // The multipart body of the next upload: the folder's files in turn,
  // shared by all workers. The caller frees it after the transfer.
  curl_mime* next_upload(CURL* easy) const;

  std::uint64_t body_size() const { return body_.size(); }
  // The whole request as the fast path sends it.
  const std::string& http1_bytes() const { return http1_bytes_; }
  bool head() const { return method_ == "HEAD"; }
  const std::string& method() const { return method_; }
  const RequestTemplate& request() const { return request_; }

 private:
  RequestTemplate request_;
  std::string method_;
  std::string body_;
  curl_slist* headers_ = nullptr;
  long http_version_ = CURL_HTTP_VERSION_1_1;
  std::vector<std::string> upload_files_;
  std::string http1_bytes_;
  mutable std::atomic<std::uint64_t> next_file_{0};
};

// The plan's requests with their weights: which one to send next.
class RequestMix {
 public:
  // Reads body files and lists upload folders; throws InputError when one
  // is missing or a folder holds no file.
  explicit RequestMix(const LoadPlan& plan);

  std::size_t size() const { return requests_.size(); }
  // Whether the plan can take the fast path (see LoadPlan::fast_http1).
  bool fast_http1() const { return fast_http1_; }
  const PreparedRequest& operator[](std::size_t i) const { return *requests_[i]; }

  // A weighted pick driven by the caller's own random state (one per worker,
  // so picking shares nothing between threads).
  std::size_t pick(std::uint64_t& random_state) const {
    if (requests_.size() == 1) return 0;
    random_state ^= random_state << 13;  // xorshift64
    random_state ^= random_state >> 7;
    random_state ^= random_state << 17;
    const double u = static_cast<double>(random_state >> 11) * 0x1.0p-53 * cumulative_.back();
    std::size_t i = 0;
    while (i + 1 < cumulative_.size() && u >= cumulative_[i]) ++i;
    return i;
  }

 private:
  std::vector<std::unique_ptr<PreparedRequest>> requests_;
  std::vector<double> cumulative_;
  bool fast_http1_ = false;
};

// The User-Agent LeakHound sends.
const std::string& user_agent();

}  // namespace lh::load
