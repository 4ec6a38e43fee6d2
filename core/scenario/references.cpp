#include "scenario/references.h"

#include <algorithm>
#include <cstdlib>

#include "common/quote_value.h"

namespace lh::scenario {
namespace {

constexpr std::string_view kOpen = "${ENV:";

bool name_char(char c, bool first) {
  return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
}

// One piece of a scenario string: literal text, or a reference by name.
struct Piece {
  std::string_view literal;
  std::string_view name;  // set for a reference
};

// Splits `text` into pieces; on a malformed "${…", returns what is wrong.
std::optional<std::string> split(std::string_view text, std::vector<Piece>* pieces) {
  std::size_t start = 0, i = 0;
  auto flush = [&](std::size_t end) {
    if (pieces && end > start) pieces->push_back({text.substr(start, end - start), {}});
  };
  while (i < text.size()) {
    if (text.compare(i, 3, "$${") == 0) {  // the escape for a literal "${"
      flush(i + 1);                        // keeps "$", drops the second "$"
      start = i + 2;
      i += 3;
      continue;
    }
    if (text.compare(i, 2, "${") != 0) {
      ++i;
      continue;
    }
    const auto close = text.find('}', i);
    const std::string_view whole = text.substr(i, close == std::string_view::npos ? std::string_view::npos : close - i + 1);
    bool good = whole.starts_with(kOpen) && close != std::string_view::npos && close > i + kOpen.size();
    for (std::size_t k = i + kOpen.size(); good && k < close; ++k) good = name_char(text[k], k == i + kOpen.size());
    if (!good) {
      return "expected ${ENV:NAME} with NAME made of letters, digits and _, got " + quote_value(whole) +
             " (write $${ for a literal ${)";
    }
    flush(i);
    if (pieces) pieces->push_back({{}, text.substr(i + kOpen.size(), close - i - kOpen.size())});
    i = start = close + 1;
  }
  flush(text.size());
  return std::nullopt;
}

}  // namespace

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

std::optional<std::string> reference_problem(std::string_view text) { return split(text, nullptr); }

bool has_references(std::string_view text) { return !referenced_names(text).empty(); }

std::vector<std::string> referenced_names(std::string_view text) {
  std::vector<Piece> pieces;
  std::vector<std::string> names;
  if (split(text, &pieces)) return names;
  for (const auto& p : pieces) {
    if (!p.name.empty() && std::find(names.begin(), names.end(), p.name) == names.end()) names.emplace_back(p.name);
  }
  return names;
}

Expanded expand_references(std::string_view text, const EnvLookup& env) {
  std::vector<Piece> pieces;
  Expanded out;
  if (split(text, &pieces)) {
    out.text = std::string(text);
    return out;
  }
  for (const auto& p : pieces) {
    if (p.name.empty()) {
      out.text += p.literal;
      continue;
    }
    const std::string name(p.name);
    if (auto value = env(name)) {
      out.text += *value;
    } else if (std::find(out.missing.begin(), out.missing.end(), name) == out.missing.end()) {
      out.missing.push_back(name);
    }
  }
  return out;
}

std::vector<TextPiece> split_references(std::string_view text) {
  std::vector<Piece> pieces;
  std::vector<TextPiece> out;
  if (split(text, &pieces)) return {{std::string(text), {}}};
  for (const auto& p : pieces) {
    // "$${" splits a literal run in two: join them again.
    if (p.name.empty() && !out.empty() && out.back().name.empty()) {
      out.back().literal += p.literal;
    } else {
      out.push_back({std::string(p.literal), std::string(p.name)});
    }
  }
  return out;
}

std::string mask_literals(std::string_view text, std::string_view mask) {
  std::vector<Piece> pieces;
  if (split(text, &pieces)) return std::string(mask);
  std::string out;
  for (const auto& p : pieces) {
    if (!p.name.empty()) {
      out += std::string(kOpen) + std::string(p.name) + "}";
    } else if (p.literal.find_first_not_of(" \t") == std::string_view::npos) {
      out += p.literal;
    } else if (!out.ends_with(mask)) {  // "$${" splits a literal run in two
      out += mask;
    }
  }
  return out;
}

std::string escape_literal(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "${") == 0) out += '$';
    out += text[i];
  }
  return out;
}

}  // namespace lh::scenario
