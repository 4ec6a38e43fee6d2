#pragma once

#include <cmath>
#include <limits>
#include <optional>
#include <tuple>

// The small rules every typed JSON mapping of LeakHound follows (the load
// and session summaries, the journal's header, the environment), so that
// each struct lists its fields once, in one table of (key, member) that
// both its to_json and its from_json go through:
//
//   constexpr auto kFields = std::make_tuple(json_fields::field("t_s", &RestartEntry::t_s), …);
//   json_fields::write(j, entry, kFields);   // keys in the table's order
//   json_fields::read(j, entry, kFields);
//
// - a value that is not known (std::nullopt) is null, and null reads back
//   as std::nullopt;
// - a number that is not finite (NaN: nothing to measure) is null, and
//   null reads back as NaN;
// - a key that is missing (a file from an older LeakHound) leaves the
//   field as it was: its default. A value of the wrong type throws
//   nlohmann::json::type_error.
namespace lh::json_fields {

template <typename T, typename M>
struct Field {
  const char* key;
  M T::*member;
};

template <typename T, typename M>
constexpr Field<T, M> field(const char* key, M T::*member) {
  return {key, member};
}

template <typename Json, typename V>
Json to_value(const V& v) {
  return Json(v);
}

template <typename Json, typename V>
Json to_value(const std::optional<V>& v) {
  return v ? Json(*v) : Json();
}

template <typename Json, typename V>
void from_value(const Json& j, V& out) {
  j.get_to(out);
}

template <typename Json>
void from_value(const Json& j, Json& out) {
  out = j;
}

template <typename Json>
void from_value(const Json& j, double& out) {
  out = j.is_null() ? std::numeric_limits<double>::quiet_NaN() : j.template get<double>();
}

template <typename Json, typename V>
void from_value(const Json& j, std::optional<V>& out) {
  out = j.is_null() ? std::nullopt : std::optional<V>(j.template get<V>());
}

// out = j[key] by the rules above, when j has that key.
template <typename Json, typename V>
void read_key(const Json& j, const char* key, V& out) {
  if (const auto it = j.find(key); it != j.end()) from_value(*it, out);
}

// Each field of `fields` into the object `j`, in the table's order.
template <typename Json, typename T, typename... F>
void write(Json& j, const T& value, const std::tuple<F...>& fields) {
  std::apply([&](const auto&... f) { ((j[f.key] = to_value<Json>(value.*(f.member))), ...); }, fields);
}

template <typename Json, typename T, typename... F>
void read(const Json& j, T& value, const std::tuple<F...>& fields) {
  std::apply([&](const auto&... f) { (read_key(j, f.key, value.*(f.member)), ...); }, fields);
}

}  // namespace lh::json_fields
