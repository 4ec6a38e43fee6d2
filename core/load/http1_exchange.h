#pragma once

#include <http_parser.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/load_stats.h"

namespace lh::load {

// The request bytes of a template, serialized once: for the fast path,
// where a request costs one send() of these bytes.
std::string http1_request_bytes(const std::string& method, const std::string& url,
                                const std::vector<std::string>& headers, std::string_view content_type,
                                std::string_view body, std::string_view user_agent);

// One request and its answer at a time over a connected socket (that
// libcurl opened), answers parsed by http-parser. This is the engine's fast
// path for plain HTTP/1.1 with keep-alive: it skips libcurl's per-transfer
// work (URL parsing, connection matching, header building), which costs
// more than the whole of ab's work per request.
class Http1Exchange {
 public:
  enum class Progress {
    waiting,     // more bytes to come (or to send: watch for writability)
    answered,    // a complete answer; keep_alive() says if the connection stays
    closed,      // the server closed the connection before a byte of the answer
    broken,      // a reset, an error, or an answer cut short: see cause() and reason()
  };

  Http1Exchange();

  void attach(int fd) { fd_ = fd; }
  // The connection was closed by someone else (libcurl): its fd is no
  // longer ours to use, and may soon be another socket's.
  void detach() { fd_ = -1; }
  // After detach(): what the close means for the request in flight, as a
  // close by the server would (closed: worth a retry; broken).
  Progress lost();
  // Forgets the connection (closed by its owner); the next one starts afresh.
  void reset();
  bool attached() const { return fd_ >= 0; }
  int fd() const { return fd_; }

  // Starts a request; `bytes` must live until the answer. `head`: the
  // answer has no body.
  Progress send(std::string_view bytes, bool head);
  bool wants_to_write() const { return sent_ < request_.size(); }
  // The socket is writable (for the rest of a large request).
  Progress on_writable();
  // The socket is readable: reads into `buffer` (scratch space the caller
  // shares between connections) and parses.
  Progress on_readable(char* buffer, std::size_t size);

  int status() const { return parser_.status_code; }
  bool keep_alive() const { return keep_alive_; }
  std::uint64_t body_bytes() const { return body_bytes_; }
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t bytes_sent() const { return request_.size(); }
  // Why a broken exchange broke, named as the libcurl path names it, so
  // the two paths count a misbehaving server alike: reset (closed without
  // an answer, or reset), length (closed before the body announced was
  // whole), read (not HTTP/1.1, or another error).
  FailureCause cause() const { return cause_; }
  // The same in words, for the run's first error.
  const std::string& reason() const { return reason_; }
  // Answers this connection has carried: a close before the first byte of
  // an answer is only worth a retry on a connection that has answered before.
  std::uint64_t answers() const { return answers_; }

 private:
  static const http_parser_settings& parser_settings();
  Progress broken(FailureCause cause, std::string reason);
  Progress broken_by_errno(int error);
  Progress closed_early();
  static int on_headers_complete(http_parser* parser);
  static int on_body(http_parser* parser, const char*, std::size_t length);
  static int on_message_complete(http_parser* parser);
  Progress parse(const char* data, std::size_t size);

  int fd_ = -1;
  http_parser parser_{};
  std::string_view request_;
  std::size_t sent_ = 0;
  bool head_ = false;
  bool headers_done_ = false;
  bool complete_ = false;
  bool keep_alive_ = true;
  std::uint64_t body_bytes_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::uint64_t answers_ = 0;
  FailureCause cause_ = FailureCause::read;
  std::string reason_;
};

}  // namespace lh::load
