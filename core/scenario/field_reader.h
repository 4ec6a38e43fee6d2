#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/duration.h"
#include "scenario/problems.h"
#include "scenario/scenario.h"

namespace lh::scenario {

// "load" + "stages" → "load.stages"; "" + "load" → "load".
std::string child_path(const std::string& parent, std::string_view key);
// "load.stages" + 1 → "load.stages[1]".
std::string index_path(const std::string& parent, std::size_t index);
// A value as a problem quotes it: strings in quotes, others as JSON, long ones cut.
std::string describe(const Json& value);

// The one number policy of scenario files. A JSON number is read as a
// double, and is whole when it is an integer a double holds exactly
// (|x| <= 2^53), however written: 100, 1e2 and 100.0 alike. A number too
// large for a double never gets this far: read_json_document() refuses it
// with its path. Each field then checks its own range (FieldReader::number,
// FieldReader::whole), with the message `{path}: expected …, got …`.
struct Number {
  double value = 0;
  bool whole = false;
};
// nullopt when `value` is not a number.
std::optional<Number> number_of(const Json& value);

// Reads the fields of one JSON object of a scenario, each checked for its
// type and range, reporting every problem with the field's path and going
// on. A field with a problem reads as not written. Unknown keys are
// problems too, listing the known ones.
class FieldReader {
 public:
  FieldReader(const Json& object, std::string path, std::initializer_list<std::string_view> known,
              ProblemSink& sink);

  bool is_object() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const { return child_path(path_, key); }
  const Json* find(std::string_view key) const;
  void problem(std::string_view key, std::string message) const { sink_.add(path_of(key), std::move(message)); }

  // Kinds of text: a display text is never expanded; a value may hold
  // ${ENV:NAME} references, which must be well formed.
  enum class Text { display, value };
  std::string text(std::string_view key, Text kind = Text::display) const;
  std::string duration(std::string_view key, Seconds at_least, bool zero_allowed = false) const;
  std::string size(std::string_view key) const;
  // A number within [low, high] (exclusive bounds when `open`), or a
  // problem saying `expected`.
  std::optional<double> number(std::string_view key, double low, double high, bool open, std::string_view expected) const;
  std::optional<std::int64_t> whole(std::string_view key, std::int64_t low, std::int64_t high, std::string_view expected) const;
  std::optional<bool> flag(std::string_view key) const;
  // {"Name": "value", …}; values may hold references.
  Headers headers(std::string_view key) const;
  std::vector<std::string> texts(std::string_view key) const;
  // A list of items, each given to `read` with its path.
  template <typename Read>
  void each(std::string_view key, Read read) const {
    const auto* list = find(key);
    if (!list) return;
    if (!list->is_array()) return problem(key, "expected a list [ … ], got " + describe(*list));
    for (std::size_t i = 0; i < list->size(); ++i) read((*list)[i], index_path(path_of(key), i));
  }

 private:
  const Json* string_value(std::string_view key, std::string_view expected) const;

  const Json* object_ = nullptr;
  std::string path_;
  ProblemSink& sink_;
};

// Checks the ${ENV:…} references in every string of a JSON value (a body).
void check_references(const Json& value, const std::string& path, ProblemSink& sink);

}  // namespace lh::scenario
