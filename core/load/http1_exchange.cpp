#include "load/http1_exchange.h"

#include <sys/socket.h>

#include <cerrno>
#include <curl/curl.h>
#include <memory>

namespace lh::load {
namespace {

std::string url_part(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* text = nullptr;
  std::string out;
  if (curl_url_get(url, part, &text, flags) == CURLUE_OK && text) out = text;
  curl_free(text);
  return out;
}

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
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
  curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0);
  std::string target = url_part(u.get(), CURLUPART_PATH);
  if (const auto query = url_part(u.get(), CURLUPART_QUERY); !query.empty()) target += "?" + query;
  std::string host = url_part(u.get(), CURLUPART_HOST);
  if (const auto port = url_part(u.get(), CURLUPART_PORT); !port.empty()) host += ":" + port;

  std::string out = method + " " + target + " HTTP/1.1\r\n";
  if (!has_header(headers, "Host")) out += "Host: " + host + "\r\n";
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
  return static_cast<Http1Exchange*>(parser->data)->head_ ? 1 : 0;
}

int Http1Exchange::on_body(http_parser* parser, const char*, std::size_t length) {
  static_cast<Http1Exchange*>(parser->data)->body_bytes_ += length;
  return 0;
}

// One request, one answer: pause the parser so that stray bytes after the
// answer are not taken for the next one.
int Http1Exchange::on_message_complete(http_parser* parser) {
  auto* self = static_cast<Http1Exchange*>(parser->data);
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
  complete_ = false;
  keep_alive_ = true;
  body_bytes_ = 0;
  bytes_read_ = 0;
  error_ = 0;
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
      error_ = n < 0 ? errno : EPIPE;
      // A keep-alive connection the server has just closed: retry elsewhere.
      return answers_ > 0 && (error_ == EPIPE || error_ == ECONNRESET) ? Progress::closed : Progress::broken;
    }
  }
  return Progress::waiting;
}

Http1Exchange::Progress Http1Exchange::on_readable(char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t n = ::recv(fd_, buffer, size, 0);
    if (n > 0) {
      bytes_read_ += static_cast<std::size_t>(n);
      const Progress p = parse(buffer, static_cast<std::size_t>(n));
      if (p != Progress::waiting || static_cast<std::size_t>(n) < size) return p;
      continue;  // the buffer was filled: there may be more
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Progress::waiting;
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) {
      if (bytes_read_ == 0) return answers_ > 0 ? Progress::closed : Progress::broken;
      // An answer that runs until the connection closes ends here.
      const Progress p = parse(nullptr, 0);
      keep_alive_ = false;
      if (p == Progress::answered) return p;
      error_ = ECONNRESET;
      return Progress::broken;
    }
    error_ = errno;
    return bytes_read_ == 0 && answers_ > 0 && error_ == ECONNRESET ? Progress::closed : Progress::broken;
  }
}

Http1Exchange::Progress Http1Exchange::parse(const char* data, std::size_t size) {
  http_parser_execute(&parser_, &parser_settings(), data, size);
  if (complete_) {
    ++answers_;
    return Progress::answered;
  }
  if (HTTP_PARSER_ERRNO(&parser_) != HPE_OK) {
    error_ = EPROTO;
    return Progress::broken;
  }
  return Progress::waiting;
}

}  // namespace lh::load
