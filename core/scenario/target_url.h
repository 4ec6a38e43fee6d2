#pragma once

#include <optional>
#include <string>
#include <string_view>

// The target: the base URL that a scenario's relative paths and probe
// sources are joined to.
namespace lh::scenario {

// What is wrong with `url` as a target ("expected an http:// or https://
// URL such as http://127.0.0.1:8000, got …"); nullopt when it is fine. A
// target may have a path ("http://host/api") but no query or fragment.
std::optional<std::string> target_problem(std::string_view url);

// What is wrong with `url` as a request's absolute URL; nullopt when fine.
std::optional<std::string> url_problem(std::string_view url);

// "http://h:8001/api" + "/segment" → "http://h:8001/api/segment": the
// path is appended to the target's (trailing slashes dropped, so
// "http://h:8001/" + "/x" is "http://h:8001/x").
std::string join_target(std::string_view target, std::string_view path);

// A URL split where import-ab splits it: "http://h:8000/segment?x=1" →
// {"http://h:8000", "/segment?x=1"}. User and password stay in the origin;
// the fragment is dropped. nullopt when it is no URL read_http_url accepts.
struct OriginAndPath {
  std::string origin;
  std::string path;
};
std::optional<OriginAndPath> split_origin(std::string_view url);

}  // namespace lh::scenario
