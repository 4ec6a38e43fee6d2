#include "scenario/script_literals.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "scenario/references.h"

namespace lh::scenario {
namespace {

enum class Language { python, js };

// The next code point of `s` at `i` (advancing i); U+FFFD for a byte that
// does not start a well-formed UTF-8 sequence (overlong forms and
// surrogates included).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  const int length = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
  if (length == 0 || i + length > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0xFF >> (length + 1));
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += length;
  return cp;
}

void append_hex(std::string& out, const char* prefix, unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*X", prefix, digits, value);
  out += buf;
}

std::string quoted(std::string_view utf8, Language language) {
  std::string out = "\"";
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    switch (cp) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (cp >= 0x20 && cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (cp <= 0xFFFF) {
      append_hex(out, "\\u", static_cast<unsigned>(cp), 4);
    } else if (language == Language::python) {
      append_hex(out, "\\U", static_cast<unsigned>(cp), 8);
    } else {
      const char32_t v = cp - 0x10000;
      append_hex(out, "\\u", static_cast<unsigned>(0xD800 + (v >> 10)), 4);
      append_hex(out, "\\u", static_cast<unsigned>(0xDC00 + (v & 0x3FF)), 4);
    }
  }
  return out + "\"";
}

std::string text_expression(std::string_view text, Language language) {
  const auto quote = [&](std::string_view s) { return quoted(s, language); };
  std::string out;
  for (const auto& piece : split_references(text)) {
    if (!out.empty()) out += " + ";
    if (piece.name.empty()) {
      out += quote(piece.literal);
    } else {
      out += (language == Language::python ? "os.environ[" : "env(") + quote(piece.name) + (language == Language::python ? "]" : ")");
    }
  }
  return out.empty() ? "\"\"" : out;
}

// The compact JSON text of `body`, each string value holding a reference
// spliced in as the language's expression. Such values are first replaced
// by placeholders: control characters a dump always escapes ("\u0001"), so
// no other string of the body can spell one.
std::string json_text_expression(const Json& body, Language language) {
  std::vector<std::string> spliced;
  auto walk = [&](auto& self, Json& value) -> void {
    if (value.is_string()) {
      const auto& text = value.get_ref<const std::string&>();
      if (!has_references(text) && text.find("$${") == std::string::npos) return;
      spliced.push_back(text);
      value = "\x01LH" + std::to_string(spliced.size() - 1) + "\x01";
    } else if (value.is_structured()) {
      for (auto& item : value) self(self, item);
    }
  };
  Json copy = body;
  walk(walk, copy);
  const std::string dump = copy.dump(-1, ' ', false, Json::error_handler_t::replace);
  const std::string_view escape = language == Language::python ? kPythonJsonEscape : kJsJsonEscape;
  const auto json_escaped = [](const std::string& literal) {
    const std::string d = Json(literal).dump(-1, ' ', false, Json::error_handler_t::replace);
    return d.substr(1, d.size() - 2);
  };
  std::string out;
  std::string literal;  // JSON text not yet written out
  const auto flush = [&] {
    if (literal.empty()) return;
    out += (out.empty() ? "" : " + ") + quoted(literal, language);
    literal.clear();
  };
  const std::string open = "\"\\u0001LH";
  const std::string close = "\\u0001\"";
  std::size_t next = 0;  // placeholders come in the order they were made
  for (std::size_t i = 0; i < dump.size();) {
    const std::string expected = open + std::to_string(next) + close;
    if (next >= spliced.size() || dump.compare(i, expected.size(), expected) != 0) {
      literal += dump[i++];
      continue;
    }
    literal += '"';
    for (const auto& piece : split_references(spliced[next])) {
      if (piece.name.empty()) {
        literal += json_escaped(piece.literal);
        continue;
      }
      flush();
      out += (out.empty() ? "" : " + ") + std::string(escape) + "(" +
             (language == Language::python ? "os.environ[" + quoted(piece.name, language) + "]"
                                           : "env(" + quoted(piece.name, language) + ")") + ")";
    }
    literal += '"';
    i += expected.size();
    ++next;
  }
  flush();
  return out.empty() ? "\"\"" : out;
}

}  // namespace

std::string python_string(std::string_view utf8) { return quoted(utf8, Language::python); }
std::string js_string(std::string_view utf8) { return quoted(utf8, Language::js); }
std::string python_text(std::string_view scenario_text) { return text_expression(scenario_text, Language::python); }
std::string js_text(std::string_view scenario_text) { return text_expression(scenario_text, Language::js); }
std::string python_json_text(const Json& body) { return json_text_expression(body, Language::python); }
std::string js_json_text(const Json& body) { return json_text_expression(body, Language::js); }

std::string script_number(double value) {
  if (std::floor(value) == value && std::fabs(value) < 9e15) return std::to_string(static_cast<std::int64_t>(value));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

}  // namespace lh::scenario
