#pragma once

#include <cmath>
#include <limits>
#include <optional>

// The small rules every typed JSON mapping of LeakHound follows (the load
// and session summaries, the journal's records), so each struct's
// to_json/from_json is a list of its fields and nothing else:
// - a value that is not known (std::nullopt) is null;
// - a number that is not finite (NaN: nothing to measure) is null, and
//   null reads back as NaN;
// - a key that is missing (a file from an older LeakHound) leaves the
//   field as it was: its default.
namespace lh::json_fields {

template <typename Json>
Json number(double v) {
  return std::isfinite(v) ? Json(v) : Json();
}

template <typename Json, typename T>
Json optional(const std::optional<T>& v) {
  return v ? Json(*v) : Json();
}

// field = j[key], when j has that key.
template <typename Json, typename T>
void read(const Json& j, const char* key, T& field) {
  if (const auto it = j.find(key); it != j.end()) it->get_to(field);
}

// A number that may be null (NaN).
template <typename Json>
void read_number(const Json& j, const char* key, double& field) {
  if (const auto it = j.find(key); it != j.end()) {
    field = it->is_null() ? std::numeric_limits<double>::quiet_NaN() : it->template get<double>();
  }
}

// A value that may be null (nullopt).
template <typename Json, typename T>
void read_optional(const Json& j, const char* key, std::optional<T>& field) {
  if (const auto it = j.find(key); it != j.end()) {
    field = it->is_null() ? std::nullopt : std::optional<T>(it->template get<T>());
  }
}

}  // namespace lh::json_fields
