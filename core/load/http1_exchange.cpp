#include "load/http1_exchange.h"

#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <curl/curl.h>

#include "common/http_url.h"

namespace lh::load {
namespace {

bool has_header(const std::vector<std::string>& headers, std::string_view name) {
  for (const auto& h : headers) {
    if (h.size() > name.size() && h[name.size()] == ':' &&
        curl_strnequal(h.c_str(), std::string(name).c_str(), name.size())) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string http1_request_bytes(const std::string& method, const std::string& url,
                                const std::vector<std::string>& headers, std::string_view content_type,
                                std::string_view body, std::string_view user_agent) {
  const HttpUrl u = read_http_url(url).url.value();  // the plan's URLs have been checked
  std::string out = method + " " + u.target() + " HTTP/1.1\r\n";
  if (!has_header(headers, "Host")) out += "Host: " + u.authority() + "\r\n";
  if (!has_header(headers, "User-Agent")) out += "User-Agent: " + std::string(user_agent) + "\r\n";
  if (!has_header(headers, "Accept")) out += "Accept: */*\r\n";
  for (const auto& h : headers) out += h + "\r\n";
  const bool has_body = !body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
  if (has_body && !content_type.empty() && !has_header(headers, "Content-Type")) {
    out += "Content-Type: " + std::string(content_type) + "\r\n";
  }
  if (has_body) out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  out += "\r\n";
  out += body;
  return out;
}

const http_parser_settings& Http1Exchange::parser_settings() {
  static const http_parser_settings s = [] {
    http_parser_settings out;
    http_parser_settings_init(&out);
    out.on_headers_complete = &Http1Exchange::on_headers_complete;
    out.on_body = &Http1Exchange::on_body;
    out.on_message_complete = &Http1Exchange::on_message_complete;
    return out;
  }();
  return s;
}

// 1 tells http-parser that the answer has no body (the answer to a HEAD).
int Http1Exchange::on_headers_complete(http_parser* parser) {
  auto* self = static_cast<Http1Exchange*>(parser->data);
  self->headers_done_ = true;
  return self->head_ ? 1 : 0;
}

int Http1Exchange::on_body(http_parser* parser, const char*, std::size_t length) {
  static_cast<Http1Exchange*>(parser->data)->body_bytes_ += length;
  return 0;
}

// One request, one answer: pause the parser so that stray bytes after the
// answer are not taken for the next one. An interim answer (1xx but 101
// Switching Protocols: 100 Continue, 103 Early Hints) is not the answer; the
// one after it is, so the parser reads on into it.
int Http1Exchange::on_message_complete(http_parser* parser) {
  auto* self = static_cast<Http1Exchange*>(parser->data);
  if (parser->status_code >= 100 && parser->status_code < 200 && parser->status_code != 101) {
    self->headers_done_ = false;
    self->body_bytes_ = 0;
    return 0;
  }
  self->complete_ = true;
  self->keep_alive_ = http_should_keep_alive(parser) != 0;
  http_parser_pause(parser, 1);
  return 0;
}

Http1Exchange::Http1Exchange() {
  http_parser_init(&parser_, HTTP_RESPONSE);
  parser_.data = this;
}

void Http1Exchange::reset() {
  fd_ = -1;
  answers_ = 0;
  request_ = {};
  sent_ = 0;
}

Http1Exchange::Progress Http1Exchange::send(std::string_view bytes, bool head) {
  request_ = bytes;
  sent_ = 0;
  head_ = head;
  headers_done_ = false;
  complete_ = false;
  keep_alive_ = true;
  body_bytes_ = 0;
  bytes_read_ = 0;
  cause_ = FailureCause::read;
  reason_.clear();
  http_parser_init(&parser_, HTTP_RESPONSE);
  parser_.data = this;
  return on_writable();
}

Http1Exchange::Progress Http1Exchange::on_writable() {
  while (sent_ < request_.size()) {
    const ssize_t n = ::send(fd_, request_.data() + sent_, request_.size() - sent_, MSG_NOSIGNAL);
    if (n > 0) {
      sent_ += static_cast<std::size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return Progress::waiting;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      const int error = n < 0 ? errno : EPIPE;
      // A keep-alive connection the server has just closed: retry elsewhere.
      if (answers_ > 0 && (error == EPIPE || error == ECONNRESET)) return Progress::closed;
      return broken_by_errno(error);
    }
  }
  return Progress::waiting;
}

Http1Exchange::Progress Http1Exchange::on_readable(char* buffer, std::size_t size) {
  // A few full buffers at most, then back to the worker's loop (epoll is
  // level-triggered: the rest is read on its next turn). A server that sends
  // faster than the answer is parsed (an endless body of 1-byte chunks, on a
  // busy machine) kept the worker here for good: no timeout, no end of run.
  constexpr int kFullReadsPerTurn = 4;
  for (int full_reads = 0;;) {
    const ssize_t n = ::recv(fd_, buffer, size, 0);
    if (n > 0) {
      bytes_read_ += static_cast<std::size_t>(n);
      const Progress p = parse(buffer, static_cast<std::size_t>(n));
      if (p != Progress::waiting || static_cast<std::size_t>(n) < size || ++full_reads == kFullReadsPerTurn) return p;
      continue;  // the buffer was filled: there may be more
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Progress::waiting;
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) return closed_early();
    if (bytes_read_ == 0 && answers_ > 0 && errno == ECONNRESET) return Progress::closed;
    return broken_by_errno(errno);
  }
}

// The server closed the connection with the answer not yet whole.
Http1Exchange::Progress Http1Exchange::closed_early() {
  if (bytes_read_ == 0) {
    // A keep-alive connection closed as we used it: worth one retry.
    if (answers_ > 0) return Progress::closed;
    return broken(FailureCause::reset, "Empty reply from server (closed without answering)");
  }
  // An answer that runs until the connection closes ends here.
  if (parse(nullptr, 0) == Progress::answered) {
    keep_alive_ = false;
    return Progress::answered;
  }
  if (!headers_done_) return broken(FailureCause::reset, "the connection closed in the middle of the answer's headers");
  return broken(FailureCause::length, "the connection closed before the body's end (" + std::to_string(body_bytes_) +
                                          " bytes received" +
                                          ((parser_.flags & F_CHUNKED) == 0 && parser_.content_length != ULLONG_MAX &&
                                                   parser_.content_length > 0
                                               ? ", " + std::to_string(parser_.content_length) + " more announced)"
                                               : ")"));
}

Http1Exchange::Progress Http1Exchange::lost() {
  if (bytes_read_ == 0) {
    if (answers_ > 0) return Progress::closed;
    return broken(FailureCause::reset, "the connection was closed before the answer (found dead)");
  }
  return broken(FailureCause::reset, "the connection was closed in the middle of the answer (found dead)");
}

Http1Exchange::Progress Http1Exchange::broken(FailureCause cause, std::string reason) {
  cause_ = cause;
  reason_ = std::move(reason);
  return Progress::broken;
}

Http1Exchange::Progress Http1Exchange::broken_by_errno(int error) {
  return broken(error == ECONNRESET || error == EPIPE ? FailureCause::reset : FailureCause::read, std::strerror(error));
}

Http1Exchange::Progress Http1Exchange::parse(const char* data, std::size_t size) {
  http_parser_execute(&parser_, &parser_settings(), data, size);
  if (complete_) {
    ++answers_;
    return Progress::answered;
  }
  if (const auto error = HTTP_PARSER_ERRNO(&parser_); error != HPE_OK) {
    return broken(FailureCause::read, std::string("the answer is not valid HTTP/1.1 (") +
                                          http_errno_description(error) + ")");
  }
  // Interim answers without end: libcurl's cap on an answer's headers, so
  // the two paths count such a server alike.
  constexpr std::uint64_t kMaxHeaderBytes = 300 * 1024;
  if (!headers_done_ && bytes_read_ > kMaxHeaderBytes) {
    return broken(FailureCause::read, "Too large response headers: over 300 KiB before the answer's body");
  }
  return Progress::waiting;
}

}  // namespace lh::load
