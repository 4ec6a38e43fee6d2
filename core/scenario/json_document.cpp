#include "scenario/json_document.h"

#include <string>
#include <unordered_set>
#include <vector>

#include "common/json_text.h"
#include "scenario/field_reader.h"

namespace lh::scenario {
namespace {

// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
// error while parsing object - unexpected '}'" → "invalid JSON at line 3,
// column 5: syntax error while parsing object - unexpected '}'".
std::string syntax_message(const std::exception& e) {
  const std::string text = json_error_text(e);
  const auto at = text.find(" at line ");
  if (at != std::string::npos) return "invalid JSON at " + text.substr(at + 4);
  return "invalid JSON: " + text;
}

// A token as a problem quotes it: long ones (a 400-digit number) cut.
std::string excerpt(const std::string& token) {
  return token.size() > 40 ? token.substr(0, 37) + "..." : token;
}

// Builds the document from nlohmann's SAX events, as nlohmann's own DOM
// parser does, plus what a scenario needs: duplicate keys and paths.
class DocumentBuilder : public nlohmann::json_sax<Json> {
 public:
  explicit DocumentBuilder(JsonDocument& out) : out_(out) {}

  bool null() override { return value(nullptr); }
  bool boolean(bool v) override { return value(v); }
  bool number_integer(number_integer_t v) override { return value(v); }
  bool number_unsigned(number_unsigned_t v) override { return value(v); }
  bool number_float(number_float_t v, const string_t&) override { return value(v); }
  bool string(string_t& v) override { return value(std::move(v)); }
  bool binary(binary_t& v) override { return value(std::move(v)); }

  bool start_object(std::size_t) override { return open(Json::object()); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& key) override {
    Level& level = levels_.back();
    level.key = key;
    auto& members = level.container->get_ref<Json::object_t&>();
    if (level.keys.insert(key).second) {
      // A new key: appended without ordered_map's linear search for it.
      members.emplace_back(key, nullptr);
      member_ = &members.back().second;
    } else {
      out_.problems.push_back({current_path(), "given twice; keep one"});
      member_ = &members[key];  // the last one counts
    }
    return true;
  }

  bool parse_error(std::size_t, const std::string& token, const nlohmann::detail::exception& e) override {
    if (e.id == 406) {  // out_of_range.406: a number a double cannot hold
      out_.problems.push_back({current_path(), "expected a number a double can hold (at most about 1.8e308), got " +
                                                   excerpt(token)});
    } else {
      out_.problems.push_back({"", syntax_message(e)});
    }
    return false;
  }

 private:
  struct Level {
    Json* container = nullptr;
    std::string key;                       // objects: the member being read
    std::unordered_set<std::string> keys;  // objects: every key read so far
  };

  // Where the value that comes now goes.
  Json* place(Json&& v) {
    if (levels_.empty()) {
      out_.value = std::move(v);
      return &out_.value;
    }
    Json& container = *levels_.back().container;
    if (container.is_array()) {
      container.push_back(std::move(v));
      return &container.back();
    }
    *member_ = std::move(v);
    return member_;
  }

  bool value(Json&& v) {
    place(std::move(v));
    return true;
  }

  bool open(Json&& empty) {
    if (levels_.size() >= kMaxNesting) {
      out_.problems.push_back({current_path(), "nested deeper than " + std::to_string(kMaxNesting) +
                                                   " levels; a scenario holds at most " + std::to_string(kMaxNesting)});
      return false;
    }
    Json* container = place(std::move(empty));
    levels_.push_back(Level{container, {}, {}});
    return true;
  }

  bool close() {
    levels_.pop_back();
    return true;
  }

  // The path of the value at hand: at each open level the member or
  // element being read (in the innermost array, the one coming now).
  std::string current_path() const {
    std::string path;
    for (std::size_t i = 0; i < levels_.size(); ++i) {
      const Level& level = levels_[i];
      if (level.container->is_object()) {
        path = child_path(path, level.key);
      } else {
        const std::size_t n = level.container->size();
        path = index_path(path, i + 1 == levels_.size() ? n : n - 1);
      }
    }
    return path;
  }

  JsonDocument& out_;
  std::vector<Level> levels_;
  Json* member_ = nullptr;
};

}  // namespace

JsonDocument read_json_document(std::string_view text) {
  JsonDocument out;
  if (auto nul = nul_byte_problem(text)) {
    out.problems.push_back({"", "invalid JSON: " + *nul});
    return out;
  }
  DocumentBuilder builder(out);
  out.complete = Json::sax_parse(text.begin(), text.end(), &builder);
  if (!out.complete) out.value = Json();
  return out;
}

}  // namespace lh::scenario
