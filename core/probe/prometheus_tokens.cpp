#include "probe/prometheus_tokens.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace lh::probe::prom {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_metric_start(char c) { return is_letter(c) || c == '_' || c == ':'; }
bool is_label_start(char c) { return is_letter(c) || c == '_'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_classic_metric_name(std::string_view s) {
  if (s.empty() || !is_metric_start(s.front())) return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return is_metric_start(c) || is_digit(c); });
}

bool is_classic_label_name(std::string_view s) {
  if (s.empty() || !is_label_start(s.front())) return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return is_label_start(c) || is_digit(c); });
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c == 0xE0) n = 2, low = 0xA0;
    else if (c == 0xED) n = 2, high = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) n = 2;
    else if (c == 0xF0) n = 3, low = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 3;
    else if (c == 0xF4) n = 3, high = 0x8F;
    else return false;
    if (s.size() - i <= n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

}  // namespace

std::optional<double> parse_go_float(std::string_view text) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (equals_ignoring_case(s, "inf") || equals_ignoring_case(s, "infinity")) {
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  if (equals_ignoring_case(text, "nan")) return std::numeric_limits<double>::quiet_NaN();

  // digits [. digits] | . digits, then [eE [+-] digits]. `lead` is the
  // decimal exponent of the first significant digit before the exponent
  // part: what tells an overflow from an underflow below.
  std::size_t i = 0;
  std::optional<long long> lead;
  while (i < s.size() && is_digit(s[i])) ++i;
  const std::size_t int_len = i;
  for (std::size_t k = 0; k < int_len && !lead; ++k) {
    if (s[k] != '0') lead = static_cast<long long>(int_len - 1 - k);
  }
  std::size_t digits = int_len;
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    for (std::size_t k = frac; k < i && !lead; ++k) {
      if (s[k] != '0') lead = -static_cast<long long>(k - frac + 1);
    }
    digits += i - frac;
  }
  if (digits == 0) return std::nullopt;
  long long exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
    if (i == s.size() || !is_digit(s[i])) return std::nullopt;
    for (; i < s.size() && is_digit(s[i]); ++i) exponent = std::min(exponent * 10 + (s[i] - '0'), 1000000LL);
    if (exp_negative) exponent = -exponent;
  }
  if (i != s.size()) return std::nullopt;

  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) {
    if (!lead || *lead + exponent < 0) return negative ? -0.0 : 0.0;  // too small: 0, as Go reads it
    return std::nullopt;                                             // too large: Go's ErrRange
  }
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return negative ? -value : value;
}

void unescape_into(std::string& out, std::string_view quoted) {
  out.clear();
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted[i] != '\\' || i + 1 == quoted.size()) {
      out += quoted[i];
      continue;
    }
    const char e = quoted[i + 1];
    if (e == '"' || e == '\\') out += e;
    else if (e == 'n') out += '\n';
    else {
      out += '\\';
      out += e;
    }
    ++i;
  }
}

namespace {

void escape_into(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
}

}  // namespace

void quoted_into(std::string& out, std::string_view text) {
  out += '"';
  escape_into(out, text);
  out += '"';
}

}  // namespace lh::probe::prom
