#include "scenario/target_url.h"

#include "common/http_url.h"
#include "common/quote_value.h"

namespace lh::scenario {

std::optional<std::string> target_problem(std::string_view text) {
  if (auto read = read_http_url(text, "http://127.0.0.1:8000"); !read.url) return read.problem;
  if (text.find_first_of("?#") != std::string_view::npos) {
    return "expected a base URL without ? or # (put queries in the requests' paths), got " + quote_value(text);
  }
  return std::nullopt;
}

std::optional<std::string> url_problem(std::string_view text) {
  if (auto read = read_http_url(text, "http://127.0.0.1:8000/path"); !read.url) return read.problem;
  return std::nullopt;
}

std::string join_target(std::string_view target, std::string_view path) {
  while (target.ends_with('/')) target.remove_suffix(1);
  return std::string(target) + std::string(path);
}

std::optional<OriginAndPath> split_origin(std::string_view text) {
  const auto read = read_http_url(text);
  if (!read.url) return std::nullopt;
  return OriginAndPath{read.url->origin(), read.url->target()};
}

}  // namespace lh::scenario
