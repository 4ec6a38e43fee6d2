#include "scenario/field_reader.h"

#include <cmath>

#include "common/quote_value.h"
#include "common/size.h"
#include "scenario/references.h"

namespace lh::scenario {
namespace {

constexpr std::string_view kDurationExample = "expected a duration such as \"30s\" or \"10m\"";

// RFC 9110 token characters: what a header name may be made of.
bool token(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

std::string known_list(std::initializer_list<std::string_view> known) {
  std::string out;
  for (auto k : known) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

}  // namespace

std::string child_path(const std::string& parent, std::string_view key) {
  // A key with a line break or other control character in it is shown
  // quoted and escaped ("headers[\"X\\r\\nY\"]"): a problem stays one line.
  if (const std::string shown = quote_value(key); shown.size() != key.size() + 2 || shown.find('\\') != std::string::npos) {
    return parent + "[" + shown + "]";
  }
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string index_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string describe(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    text = text.substr(0, cut) + "...";
  }
  return text;
}

FieldReader::FieldReader(const Json& object, std::string path, std::initializer_list<std::string_view> known,
                         ProblemSink& sink)
    : path_(std::move(path)), sink_(sink) {
  if (!object.is_object()) {
    sink_.add(path_, "expected an object { … }, got " + describe(object));
    return;
  }
  object_ = &object;
  for (const auto& [key, value] : object.items()) {
    bool is_known = false;
    for (auto k : known) is_known = is_known || k == key;
    if (!is_known) sink_.add(path_of(key), "unknown key; expected one of " + known_list(known));
  }
}

const Json* FieldReader::find(std::string_view key) const {
  if (!object_) return nullptr;
  const auto it = object_->find(key);
  return it == object_->end() ? nullptr : &*it;
}

const Json* FieldReader::string_value(std::string_view key, std::string_view expected) const {
  const auto* v = find(key);
  if (!v) return nullptr;
  if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
    problem(key, std::string(expected) + ", got " + describe(*v));
    return nullptr;
  }
  return v;
}

std::string FieldReader::text(std::string_view key, Text kind) const {
  const auto* v = string_value(key, "expected a non-empty string");
  if (!v) return {};
  const auto& s = v->get_ref<const std::string&>();
  if (kind == Text::value) {
    if (auto bad = reference_problem(s)) {
      problem(key, *bad);
      return {};
    }
  }
  return s;
}

std::string FieldReader::duration(std::string_view key, Seconds at_least, bool zero_allowed) const {
  const auto* v = string_value(key, kDurationExample);
  if (!v) return {};
  const auto& s = v->get_ref<const std::string&>();
  try {
    const Seconds d = parse_duration(s);
    if (d.count() == 0 && zero_allowed) return s;
    if (d.count() <= 0) {
      problem(key, "expected a positive duration such as \"30s\", got " + quote_value(s));
      return {};
    }
    if (d < at_least) {
      problem(key, "expected at least " + format_duration(at_least) + ", got " + quote_value(s));
      return {};
    }
  } catch (const InputError& e) {
    problem(key, e.what());
    return {};
  }
  return s;
}

std::string FieldReader::size(std::string_view key) const {
  const auto* v = string_value(key, "expected a size such as \"8GiB\" or \"512MB\"");
  if (!v) return {};
  const auto& s = v->get_ref<const std::string&>();
  try {
    parse_size(s);
  } catch (const InputError& e) {
    problem(key, e.what());
    return {};
  }
  return s;
}

std::optional<Number> number_of(const Json& value) {
  constexpr std::uint64_t kExact = std::uint64_t{1} << 53;
  // Integers are judged as written: 2^53 + 1 is not whole, though its
  // nearest double is.
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    return Number{static_cast<double>(u), u <= kExact};
  }
  if (value.is_number_integer()) {
    const auto i = value.get<std::int64_t>();
    const std::uint64_t magnitude = i < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
    return Number{static_cast<double>(i), magnitude <= kExact};
  }
  if (!value.is_number()) return std::nullopt;
  const double v = value.get<double>();
  if (!std::isfinite(v)) return std::nullopt;
  return Number{v, std::trunc(v) == v && std::fabs(v) <= static_cast<double>(kExact)};
}

std::optional<double> FieldReader::number(std::string_view key, double low, double high, bool open,
                                          std::string_view expected) const {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  const auto n = number_of(*v);
  const bool inside = n && (open ? n->value > low && n->value < high : n->value >= low && n->value <= high);
  if (!inside) {
    problem(key, std::string(expected) + ", got " + describe(*v));
    return std::nullopt;
  }
  return n->value;
}

std::optional<std::int64_t> FieldReader::whole(std::string_view key, std::int64_t low, std::int64_t high,
                                               std::string_view expected) const {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  const auto n = number_of(*v);
  const bool inside = n && n->whole && n->value >= static_cast<double>(low) && n->value <= static_cast<double>(high);
  if (!inside) {
    problem(key, std::string(expected) + ", got " + describe(*v));
    return std::nullopt;
  }
  return static_cast<std::int64_t>(n->value);
}

std::optional<bool> FieldReader::flag(std::string_view key) const {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    problem(key, "expected true or false, got " + describe(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

Headers FieldReader::headers(std::string_view key) const {
  Headers out;
  const auto* v = find(key);
  if (!v) return out;
  if (!v->is_object()) {
    problem(key, "expected an object of headers such as {\"Accept\": \"application/json\"}, got " + describe(*v));
    return out;
  }
  for (const auto& [name, value] : v->items()) {
    const std::string where = child_path(path_of(key), name);
    if (!token(name)) {
      sink_.add(where, "expected a header name (letters, digits and !#$%&'*+-.^_`|~)");
      continue;
    }
    if (!value.is_string()) {
      sink_.add(where, "expected the header's value as a string, got " + describe(value));
      continue;
    }
    const auto& s = value.get_ref<const std::string&>();
    if (s.find_first_of("\r\n") != std::string::npos) {
      sink_.add(where, "a header value cannot hold a line break");
      continue;
    }
    if (auto bad = reference_problem(s)) {
      sink_.add(where, *bad);
      continue;
    }
    out.push_back({name, s});
  }
  return out;
}

std::vector<std::string> FieldReader::texts(std::string_view key) const {
  std::vector<std::string> out;
  each(key, [&](const Json& item, const std::string& where) {
    if (item.is_string() && !item.get_ref<const std::string&>().empty()) {
      out.push_back(item.get<std::string>());
    } else {
      sink_.add(where, "expected a non-empty string, got " + describe(item));
    }
  });
  return out;
}

void check_references(const Json& value, const std::string& path, ProblemSink& sink) {
  if (value.is_string()) {
    if (auto bad = reference_problem(value.get_ref<const std::string&>())) sink.add(path, *bad);
  } else if (value.is_object()) {
    for (const auto& [k, v] : value.items()) check_references(v, child_path(path, k), sink);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) check_references(value[i], index_path(path, i), sink);
  }
}

}  // namespace lh::scenario
