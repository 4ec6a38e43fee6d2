#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>

#include "common/input_error.h"

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
//   nlohmann::json::type_error;
// - a whole-number field takes only a whole number written as one, within
//   its type's range (InputError "KEY: expected a whole number …"
//   otherwise): nlohmann would cast 1e300 or -1 to it, undefined.
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

template <typename V>
inline constexpr bool kWhole = std::is_integral_v<V> && !std::is_same_v<V, bool>;

// `j` as a V, when it is a whole number within V's range.
template <typename V, typename Json>
V whole(const Json& j, const char* key) {
  using Limits = std::numeric_limits<V>;
  bool fits = false;
  if (j.is_number_unsigned()) {
    fits = j.template get<std::uint64_t>() <= static_cast<std::uint64_t>(Limits::max());
  } else if (j.is_number_integer()) {  // a signed integer, as one built in code may be
    const auto v = j.template get<std::int64_t>();
    fits = v >= 0 ? static_cast<std::uint64_t>(v) <= static_cast<std::uint64_t>(Limits::max())
                  : Limits::is_signed && v >= static_cast<std::int64_t>(Limits::min());
  }
  if (!fits) {
    throw InputError(std::string(key) + ": expected a whole number from " + std::to_string(Limits::min()) + " to " +
                     std::to_string(Limits::max()) + ", got " +
                     j.dump(-1, ' ', false, Json::error_handler_t::replace).substr(0, 40));
  }
  return j.template get<V>();
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

// out = j[key] by the rules above, when j has that key.
template <typename Json, typename V>
void read_key(const Json& j, const char* key, V& out) {
  const auto it = j.find(key);
  if (it == j.end()) return;
  if constexpr (kWhole<V>) {
    out = whole<V>(*it, key);
  } else {
    from_value(*it, out);
  }
}

template <typename Json, typename V>
void read_key(const Json& j, const char* key, std::optional<V>& out) {
  const auto it = j.find(key);
  if (it == j.end()) return;
  if (it->is_null()) {
    out = std::nullopt;
  } else if constexpr (kWhole<V>) {
    out = whole<V>(*it, key);
  } else {
    V value{};
    from_value(*it, value);
    out = std::move(value);
  }
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
