#include "probe/prometheus_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace lh::probe {
namespace {

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

struct LineError {
  std::string what;
};

// A cursor over one line.
class Line {
 public:
  explicit Line(std::string_view text) : rest_(text) {}

  void skip_blanks() {
    while (!rest_.empty() && is_blank(rest_.front())) rest_.remove_prefix(1);
  }
  bool done() const { return rest_.empty(); }
  char peek() const { return rest_.empty() ? '\0' : rest_.front(); }
  void expect(char c, std::string_view where) {
    if (peek() != c) fail(std::string("expected '") + c + "' " + std::string(where));
    rest_.remove_prefix(1);
  }

  std::string_view name(bool metric) {
    if (rest_.empty() || !is_name_start(rest_.front()) || (!metric && rest_.front() == ':')) {
      fail(metric ? "expected a metric name" : "expected a label name");
    }
    std::size_t n = 1;
    while (n < rest_.size() && is_name_char(rest_[n]) && (metric || rest_[n] != ':')) ++n;
    const auto out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }

  // A quoted label value with \\, \" and \n escapes.
  std::string quoted() {
    expect('"', "to open a label value");
    std::string out;
    while (true) {
      if (rest_.empty()) fail("a label value is never closed");
      const char c = rest_.front();
      rest_.remove_prefix(1);
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (rest_.empty()) fail("a label value ends in a backslash");
      const char e = rest_.front();
      rest_.remove_prefix(1);
      if (e == 'n') out += '\n';
      else if (e == '\\' || e == '"') out += e;
      else fail(std::string("unknown escape \\") + e + " in a label value");
    }
  }

  std::string_view token() {
    std::size_t n = 0;
    while (n < rest_.size() && !is_blank(rest_[n])) ++n;
    const auto out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }

  [[noreturn]] static void fail(std::string what) { throw LineError{std::move(what)}; }

 private:
  std::string_view rest_;
};

// Go's ParseFloat forms that Prometheus writes: decimals, exponents, NaN
// and (+/-)Inf in any case.
double parse_value(std::string_view text) {
  std::string_view digits = text;
  bool negative = false;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
    negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  double value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  const bool whole = end == digits.data() + digits.size();
  // from_chars gives ERANGE for 1e999; Prometheus (Go) reads it as +Inf.
  if (ec == std::errc::result_out_of_range && whole) return negative ? -INFINITY : INFINITY;
  if (digits.empty() || ec != std::errc{} || !whole) Line::fail("expected a number, NaN or +Inf as the value, got \"" + std::string(text) + "\"");
  return negative ? -value : value;
}

std::optional<PromType> parse_type(std::string_view word) {
  if (word == "counter") return PromType::counter;
  if (word == "gauge") return PromType::gauge;
  if (word == "histogram") return PromType::histogram;
  if (word == "summary") return PromType::summary;
  if (word == "untyped" || word == "unknown") return PromType::untyped;
  return std::nullopt;
}

void read_comment(Line& line, std::map<std::string, PromType, std::less<>>& types) {
  line.expect('#', "");
  line.skip_blanks();
  const auto keyword = line.token();
  if (keyword != "TYPE") return;  // HELP text and free comments say nothing we read
  line.skip_blanks();
  const std::string name(line.name(true));
  line.skip_blanks();
  const auto word = line.token();
  const auto type = parse_type(word);
  if (!type) Line::fail("unknown metric type \"" + std::string(word) + "\" for " + name);
  types[name] = *type;
}

PromType type_of(std::string_view name, const std::map<std::string, PromType, std::less<>>& types) {
  if (auto it = types.find(name); it != types.end()) return it->second;
  for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
    if (!name.ends_with(suffix)) continue;
    auto it = types.find(name.substr(0, name.size() - suffix.size()));
    if (it == types.end()) continue;
    if (it->second == PromType::histogram || (it->second == PromType::summary && suffix != "_bucket")) return it->second;
  }
  return PromType::untyped;
}

PromSample read_sample(Line& line, const std::map<std::string, PromType, std::less<>>& types) {
  PromSample sample;
  sample.name = std::string(line.name(true));
  sample.type = type_of(sample.name, types);
  line.skip_blanks();
  if (line.peek() == '{') {
    line.expect('{', "");
    line.skip_blanks();
    while (line.peek() != '}') {
      std::string label(line.name(false));
      line.skip_blanks();
      line.expect('=', "after a label name");
      line.skip_blanks();
      sample.labels.emplace_back(std::move(label), line.quoted());
      line.skip_blanks();
      if (line.peek() == ',') {
        line.expect(',', "");
        line.skip_blanks();
      } else if (line.peek() != '}') {
        Line::fail("expected ',' or '}' after a label value");
      }
    }
    line.expect('}', "");
  }
  line.skip_blanks();
  const auto value = line.token();
  if (value.empty()) Line::fail("expected a value after " + sample.name);
  sample.value = parse_value(value);
  line.skip_blanks();
  if (!line.done()) {
    const auto timestamp = line.token();
    long long ms = 0;
    auto [end, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), ms);
    if (ec != std::errc{} || end != timestamp.data() + timestamp.size()) {
      Line::fail("expected a timestamp in milliseconds after the value, got \"" + std::string(timestamp) + "\"");
    }
    line.skip_blanks();
    if (!line.done()) Line::fail("unexpected text after the timestamp");
  }
  return sample;
}

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

PromText parse_prometheus_text(std::string_view text) {
  PromText out;
  std::map<std::string, PromType, std::less<>> types;
  std::size_t number = 0;
  while (!text.empty()) {
    const auto nl = std::min(text.find('\n'), text.size());
    std::string_view raw = text.substr(0, nl);
    text.remove_prefix(std::min(nl + 1, text.size()));
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Line line(raw);
    line.skip_blanks();
    if (line.done()) continue;
    try {
      if (line.peek() == '#') read_comment(line, types);
      else out.samples.push_back(read_sample(line, types));
    } catch (const LineError& e) {
      out.samples.clear();
      out.error = "line " + std::to_string(number) + ": " + e.what;
      return out;
    }
  }
  return out;
}

std::string series_name(const PromSample& sample) {
  if (sample.labels.empty()) return sample.name;
  auto labels = sample.labels;
  std::sort(labels.begin(), labels.end());
  std::string out = sample.name + "{";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += ',';
    out += labels[i].first + "=\"";
    escape_into(out, labels[i].second);
    out += '"';
  }
  return out + "}";
}

}  // namespace lh::probe
