#include "common/http_url.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "common/quote_value.h"

namespace lh {
namespace {

using UrlHandle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string part(CURLU* url, CURLUPart which, unsigned flags = 0) {
  char* text = nullptr;
  if (curl_url_get(url, which, &text, flags) != CURLUE_OK || text == nullptr) return {};
  std::string out(text);
  curl_free(text);
  return out;
}

// The scheme as written, lower-cased: what comes before the first ':'.
std::string written_scheme(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return {};
  std::string scheme(text.substr(0, colon));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  return scheme;
}

HttpUrlRead problem(std::string text) { return HttpUrlRead{std::nullopt, std::move(text)}; }

}  // namespace

std::string HttpUrl::target() const { return query.empty() ? path : path + "?" + query; }

std::string HttpUrl::authority() const { return port.empty() ? host : host + ":" + port; }

std::string HttpUrl::origin() const {
  std::string out = scheme + "://";
  if (!user.empty() || !password.empty()) out += user + (password.empty() ? "" : ":" + password) + "@";
  return out + authority();
}

HttpUrlRead read_http_url(std::string_view text, std::string_view example) {
  const std::string such_as = " such as " + std::string(example);
  if (text.empty()) return problem("expected an http:// or https:// URL" + such_as + ", got nothing");
  const std::string scheme = written_scheme(text);
  if (scheme != "http" && scheme != "https") {
    return problem("expected an http:// or https:// URL" + such_as + ", got " + quote_value(text));
  }
  // libcurl takes one to three slashes after the scheme and reads what
  // follows as the host; a URL people mean has two, then the host.
  const std::string_view rest = text.substr(scheme.size() + 1);
  if (!rest.starts_with("//") || rest.size() == 2 || rest[2] == '/' || rest[2] == '\\') {
    return problem("expected a host after " + scheme + "://, got " + quote_value(text));
  }
  UrlHandle handle(curl_url(), &curl_url_cleanup);
  const std::string copy(text);
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, copy.c_str(), 0) != CURLUE_OK) {
    return problem("expected a URL" + such_as + ", got " + quote_value(text));
  }
  HttpUrl url;
  url.scheme = part(handle.get(), CURLUPART_SCHEME);
  url.host = part(handle.get(), CURLUPART_HOST);
  if (url.host.empty()) return problem("expected a host after " + scheme + "://, got " + quote_value(text));
  url.user = part(handle.get(), CURLUPART_USER);
  url.password = part(handle.get(), CURLUPART_PASSWORD);
  url.port = part(handle.get(), CURLUPART_PORT);
  const std::string port = part(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  url.port_number = port.empty() ? 0 : std::stoi(port);  // libcurl has checked it is a number up to 65535
  if (url.port_number < 1) return problem("expected a port from 1 to 65535, got " + quote_value(text));
  url.path = part(handle.get(), CURLUPART_PATH);
  if (url.path.empty()) url.path = "/";
  url.query = part(handle.get(), CURLUPART_QUERY);
  url.text = part(handle.get(), CURLUPART_URL);
  return HttpUrlRead{std::move(url), {}};
}

}  // namespace lh
