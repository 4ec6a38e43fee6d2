#include "scenario/target_url.h"

#include <curl/curl.h>

#include <memory>

namespace lh::scenario {
namespace {

using UrlHandle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string part(CURLU* url, CURLUPart which) {
  char* text = nullptr;
  if (curl_url_get(url, which, &text, 0) != CURLUE_OK || text == nullptr) return {};
  std::string out(text);
  curl_free(text);
  return out;
}

// libcurl's own parser: a URL it accepts here is one the engine can send to.
UrlHandle parsed(std::string_view text) {
  UrlHandle url(curl_url(), &curl_url_cleanup);
  const std::string copy(text);
  if (!url || curl_url_set(url.get(), CURLUPART_URL, copy.c_str(), 0) != CURLUE_OK) return UrlHandle(nullptr, &curl_url_cleanup);
  const std::string scheme = part(url.get(), CURLUPART_SCHEME);
  if ((scheme != "http" && scheme != "https") || part(url.get(), CURLUPART_HOST).empty()) {
    return UrlHandle(nullptr, &curl_url_cleanup);
  }
  return url;
}

}  // namespace

std::optional<std::string> target_problem(std::string_view text) {
  const auto url = parsed(text);
  if (!url || !(text.starts_with("http://") || text.starts_with("https://"))) {
    return "expected an http:// or https:// URL such as http://127.0.0.1:8000, got \"" + std::string(text) + "\"";
  }
  if (text.find_first_of("?#") != std::string_view::npos) {
    return "expected a base URL without ? or # (put queries in the requests' paths), got \"" + std::string(text) + "\"";
  }
  return std::nullopt;
}

std::optional<std::string> url_problem(std::string_view text) {
  if (!parsed(text) || !(text.starts_with("http://") || text.starts_with("https://"))) {
    return "expected an http:// or https:// URL such as http://127.0.0.1:8000/path, got \"" + std::string(text) + "\"";
  }
  return std::nullopt;
}

std::string join_target(std::string_view target, std::string_view path) {
  while (target.ends_with('/')) target.remove_suffix(1);
  return std::string(target) + std::string(path);
}

std::optional<OriginAndPath> split_origin(std::string_view text) {
  const auto url = parsed(text);
  if (!url) return std::nullopt;
  const std::string scheme = part(url.get(), CURLUPART_SCHEME);
  const std::string user = part(url.get(), CURLUPART_USER);
  const std::string password = part(url.get(), CURLUPART_PASSWORD);
  const std::string port = part(url.get(), CURLUPART_PORT);
  const std::string query = part(url.get(), CURLUPART_QUERY);
  std::string host = part(url.get(), CURLUPART_HOST);  // IPv6 hosts come with their brackets

  OriginAndPath out;
  out.origin = scheme + "://";
  if (!user.empty()) out.origin += user + (password.empty() ? "" : ":" + password) + "@";
  out.origin += host + (port.empty() ? "" : ":" + port);
  out.path = part(url.get(), CURLUPART_PATH);
  if (out.path.empty()) out.path = "/";
  if (!query.empty()) out.path += "?" + query;
  return out;
}

}  // namespace lh::scenario
