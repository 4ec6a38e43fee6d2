#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lh {

// An http:// or https:// URL, read once by libcurl's own URL parser (the
// one that sends to it) with LeakHound's stricter rules on top: the scheme
// is followed by exactly two slashes and a host (libcurl reads
// "http:///ok" and "http:/ok" as the host "ok"), and the port is 1 to 65535.
// Every URL a person gives LeakHound (bench's URL, a scenario's target and
// requests, a probe source) goes through read_http_url().
struct HttpUrl {
  std::string scheme;          // "http" or "https", lower case
  std::string user, password;  // as written (percent-encoded), usually empty
  std::string host;            // "127.0.0.1", "example.org", "[::1]"
  std::string port;            // as written; empty when the scheme's own
  int port_number = 0;         // the port connected to (the scheme's when none is written)
  std::string path;            // "/" at the least
  std::string query;           // without its "?"
  std::string text;            // the whole URL as libcurl writes it back

  // "/path?query": what a request line asks for.
  std::string target() const;
  // "host:port" as written ("127.0.0.1:8000", or "example.org" with the scheme's port).
  std::string authority() const;
  // "scheme://[user[:password]@]host[:port]", the URL without its path.
  std::string origin() const;
};

// What read_http_url found: the URL, or a one-line reason fit to follow
// "<where>: " ("expected a host after http://, got \"http:///ok\"").
struct HttpUrlRead {
  std::optional<HttpUrl> url;
  std::string problem;
};

// `example` is shown in the reason ("expected an http:// or https:// URL such
// as http://127.0.0.1:8000/path, got …"); what was typed is quoted with
// lh::quote_value, control characters escaped.
HttpUrlRead read_http_url(std::string_view text, std::string_view example = "http://127.0.0.1:8000/path");

}  // namespace lh
